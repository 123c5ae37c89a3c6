package org.qipflow.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One thing wrong with one field of the input, phrased so the person can fix it. */
public record FieldProblem(String field, String message) {

    /** The first message for each field, for showing next to the inputs of a form. */
    public static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            if (problem.field() != null) {
                messages.putIfAbsent(problem.field(), problem.message());
            }
        }
        return messages;
    }
}
