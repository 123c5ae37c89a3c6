package org.qipflow.common;

import java.util.List;

/** An uploaded file with at least one bad row; nothing from it has been stored. */
public class RejectedFileException extends RuntimeException {

    private final transient List<RowProblem> problems;

    public RejectedFileException(List<RowProblem> problems) {
        super("The file was not imported: " + problems.size() + " problem(s) found");
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
