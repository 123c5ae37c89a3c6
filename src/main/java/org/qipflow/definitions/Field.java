package org.qipflow.definitions;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question of the audit form.
 *
 * @param when FEEL condition over the other fields; the field is asked only when it holds, and must be
 *             empty otherwise. Null when always asked.
 */
public record Field(String name, String label, String help, FieldType type, boolean required, BigDecimal min,
        BigDecimal max, Integer maxLength, List<Option> options, Feel.Expression when) {

    public boolean conditional() {
        return when != null;
    }

    public boolean hasOption(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }
}
