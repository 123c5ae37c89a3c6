package org.qipflow.submissions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.Field;

/** The canonical text of checked answers: what is stored, shown and exported. */
final class Answers {

    private Answers() {
    }

    /** Yes/no as yes and no, numbers without trailing zeros, dates as ISO, several choices joined by |. */
    static Map<String, String> canonical(AuditDefinition definition, Map<String, Object> values) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Field field : definition.fields()) {
            Object value = values.get(field.name());
            if (value != null) {
                answers.put(field.name(), text(value));
            }
        }
        return answers;
    }

    private static String text(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof List<?> list) {
            return String.join("|", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
