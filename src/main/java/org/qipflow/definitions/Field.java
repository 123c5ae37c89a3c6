package org.qipflow.definitions;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question of the audit form.
 *
 * @param when     FEEL condition over the other fields; the field is asked only when it holds, and must be
 *                 empty otherwise. Null when always asked.
 * @param whenText the condition in words for the people filling in the form, or null
 */
public record Field(String name, String label, String help, FieldType type, boolean required, BigDecimal min,
        BigDecimal max, Integer maxLength, List<Option> options, Feel.Expression when, String whenText) {

    /** How the form explains when the question applies. */
    public String askedWhen() {
        return whenText != null ? whenText : when == null ? null : "Only when " + when.source() + ".";
    }

    public boolean conditional() {
        return when != null;
    }

    public boolean hasOption(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }
}
