package org.qipflow.definitions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.qipflow.common.FieldProblem;
import org.qipflow.common.UkDates;

/**
 * Checks one record against its definition: types, required answers, conditions, ranges, choices,
 * the personal-data guard, then the definition's data-quality rules. Problems name the field.
 */
public final class RecordChecker {

    private RecordChecker() {
    }

    /** What to do with an answer to a question its condition says is not asked. */
    public enum Unasked {
        /** An error: an upload must leave it empty. */
        REFUSE,
        /** Dropped: on a form a ticked radio cannot be cleared, so a changed condition just hides it. */
        DROP
    }

    /** Checks an uploaded record, refusing answers to questions that are not asked. */
    public static CheckedRecord check(AuditDefinition definition, Map<String, String> raw) {
        return check(definition, raw, Unasked.REFUSE);
    }

    /** @param raw answers as typed or uploaded, by field name; a multiple choice separates values with | */
    public static CheckedRecord check(AuditDefinition definition, Map<String, String> raw, Unasked unasked) {
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        for (Field field : definition.fields()) {
            String text = raw.getOrDefault(field.name(), "");
            text = text == null ? "" : text.trim();
            if (text.isEmpty()) {
                continue;
            }
            Optional<String> personal = field.type() == FieldType.TEXT ? PersonalDataGuard.textProblem(text)
                    : PersonalDataGuard.problem(text);
            if (personal.isPresent()) {
                // the value itself is not repeated: it may be personal data
                errors.add(new FieldProblem(field.name(), "The answer to '" + field.label() + "' " + personal.get()));
                continue;
            }
            parse(field, text, errors).ifPresent(value -> values.put(field.name(), value));
        }
        // each distinct condition is evaluated once per record, over the values as parsed
        Map<String, Object> parsed = context(definition, values);
        Map<String, Boolean> conditions = new HashMap<>();
        for (Field field : definition.fields()) {
            boolean asked = !field.conditional()
                    || conditions.computeIfAbsent(field.when().source(), source -> field.when().holds(parsed));
            boolean answered = values.containsKey(field.name())
                    || !raw.getOrDefault(field.name(), "").isBlank();
            if (!asked && answered) {
                if (unasked == Unasked.REFUSE) {
                    errors.add(new FieldProblem(field.name(), field.notAskedMessage()));
                } else {
                    errors.removeIf(p -> field.name().equals(p.field()));
                }
                values.remove(field.name());
            } else if (asked && field.required() && !answered) {
                errors.add(new FieldProblem(field.name(), "Answer: " + field.label()));
            }
        }
        List<FieldProblem> warnings = new ArrayList<>();
        if (errors.isEmpty()) {
            Map<String, Object> context = context(definition, values);
            for (Rule rule : definition.rules()) {
                if (!rule.check().notFalse(context)) {
                    (rule.severity() == Rule.Severity.ERROR ? errors : warnings)
                            .add(new FieldProblem(rule.field(), rule.message()));
                }
            }
        }
        return new CheckedRecord(Map.copyOf(values), List.copyOf(errors), List.copyOf(warnings));
    }

    /**
     * The typed values of a stored record. It was checked in full when it was saved, against the same
     * definition version, so this only parses: no conditions or rules, which is what makes analysing
     * tens of thousands of records cheap.
     */
    public static Map<String, Object> storedValues(AuditDefinition definition, Map<String, String> stored) {
        List<FieldProblem> ignored = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        for (Field field : definition.fields()) {
            String text = stored.get(field.name());
            if (text != null && !text.isBlank()) {
                parse(field, text.trim(), ignored).ifPresent(value -> values.put(field.name(), value));
            }
        }
        return values;
    }

    /** The values FEEL sees: every field, null when unanswered. */
    public static Map<String, Object> context(AuditDefinition definition, Map<String, Object> values) {
        Map<String, Object> context = new HashMap<>();
        definition.fields().forEach(f -> context.put(f.name(), values.get(f.name())));
        return context;
    }

    private static Optional<Object> parse(Field field, String text, List<FieldProblem> errors) {
        try {
            Object value = switch (field.type()) {
                case INTEGER -> inRange(field, number(text)).longValueExact();
                case DECIMAL -> inRange(field, number(text));
                case DATE -> date(text);
                case YESNO -> yesNo(text);
                case CHOICE -> choice(field, text);
                case MULTICHOICE -> Arrays.stream(text.split("\\|")).map(String::trim).filter(v -> !v.isEmpty())
                        .map(v -> choice(field, v)).distinct().toList();
                case TEXT -> text(field, text);
            };
            return Optional.of(value);
        } catch (ArithmeticException | NumberFormatException e) {
            errors.add(new FieldProblem(field.name(), "'" + text + "' is not " + (field.type() == FieldType.INTEGER
                    ? "a whole number" : "a number") + " (" + field.label() + ")"));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem(field.name(), "'" + text + "' " + e.getMessage() + " (" + field.label() + ")"));
        }
        return Optional.empty();
    }

    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** A number with a decimal point; a comma only as a thousands separator (1,250), never as a decimal comma. */
    private static BigDecimal number(String text) {
        if (text.contains(",")) {
            if (!THOUSANDS.matcher(text).matches()) {
                throw new IllegalArgumentException("is not a number: use a point for decimals, like 99.5");
            }
            return new BigDecimal(text.replace(",", ""));
        }
        return new BigDecimal(text);
    }

    private static BigDecimal inRange(Field field, BigDecimal value) {
        if (field.min() != null && value.compareTo(field.min()) < 0
                || field.max() != null && value.compareTo(field.max()) > 0) {
            throw new IllegalArgumentException("is outside the range " + plain(field.min()) + " to " + plain(field.max()));
        }
        return value;
    }

    private static LocalDate date(String text) {
        return UkDates.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("is not a date; use 2027-03-01 or 01/03/2027"));
    }

    private static Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true" -> true;
            case "no", "n", "false" -> false;
            default -> throw new IllegalArgumentException("is not yes or no");
        };
    }

    private static String choice(Field field, String value) {
        if (field.hasOption(value)) {
            return value;
        }
        return field.options().stream().filter(o -> o.label().equalsIgnoreCase(value)).map(Option::value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("is not one of the answers: "
                        + field.options().stream().map(Option::value).collect(Collectors.joining(", "))));
    }

    private static String text(Field field, String text) {
        if (text.length() > field.maxLength()) {
            throw new IllegalArgumentException("is longer than " + field.maxLength() + " characters");
        }
        return text;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "any" : value.stripTrailingZeros().toPlainString();
    }
}
