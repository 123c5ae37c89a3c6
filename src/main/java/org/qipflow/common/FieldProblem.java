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

    /**
     * A text field that must be given, trimmed; its problem, missing or too long, is added to {@code problems}.
     *
     * @param missing what to say when it is blank, in the user's words
     */
    public static String required(List<FieldProblem> problems, String field, String value, String missing,
            int longest) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem(field, missing));
        } else if (text.length() > longest) {
            problems.add(new FieldProblem(field, "Shorten it to " + longest + " characters or fewer"));
        }
        return text;
    }
}
