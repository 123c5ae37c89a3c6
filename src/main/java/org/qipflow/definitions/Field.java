package org.qipflow.definitions;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question of the audit form.
 *
 * @param when     FEEL condition over the other fields; the field is asked only when it holds, and must be
 *                 empty otherwise. Null when always asked.
 * @param whenText the condition in words ("Only if lithium was started in the past 12 months."), required
 *                 with {@code when}: forms, templates and messages show this, never the expression
 */
public record Field(String name, String label, String help, FieldType type, boolean required, BigDecimal min,
        BigDecimal max, Integer maxLength, List<Option> options, Feel.Expression when, String whenText) {

    /** How the form explains when the question applies; null when it always does. */
    public String askedWhen() {
        return when == null ? null : whenText;
    }

    /** The message for an answer given where the question does not apply. */
    public String notAskedMessage() {
        String words = whenText.strip();
        words = words.endsWith(".") ? words.substring(0, words.length() - 1) : words;
        return "Leave this empty: the question is asked " + Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    public boolean conditional() {
        return when != null;
    }

    public boolean hasOption(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }
}
