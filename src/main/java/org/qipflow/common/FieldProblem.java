package org.qipflow.common;

/** One thing wrong with one field of the input, phrased so the person can fix it. */
public record FieldProblem(String field, String message) {
}
