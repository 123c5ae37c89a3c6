package org.qipflow.common;

/** One thing wrong in one cell of an uploaded file; rows are numbered as a spreadsheet shows them. */
public record RowProblem(int row, String column, String value, String message) {

    public String describe() {
        String cell = column == null ? "" : ", column " + column;
        String shown = value == null || value.isEmpty() ? "" : " ('" + value + "')";
        return "Row " + row + cell + shown + ": " + message;
    }
}
