package org.qipflow.common;

/**
 * One thing wrong in one cell of an uploaded file; rows are numbered as a spreadsheet shows them.
 * Row 0 is the file as a whole: one that is not a readable spreadsheet at all, or far too long.
 */
public record RowProblem(int row, String column, String value, String message) {

    /** The file cannot be read as records at all, for this reason. */
    public static RowProblem wholeFile(String message) {
        return new RowProblem(0, null, null, message);
    }

    public boolean aboutWholeFile() {
        return row <= 0;
    }

    public String describe() {
        if (aboutWholeFile()) {
            return message;
        }
        String cell = column == null ? "" : ", column " + column;
        String shown = value == null || value.isEmpty() ? "" : " ('" + value + "')";
        return "Row " + row + cell + shown + ": " + message;
    }
}
