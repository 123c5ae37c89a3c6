package org.qipflow.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads one definition file and checks everything in it, failing with the file, element and reason. */
final class DefinitionReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    /** Columns every record has besides its fields. */
    static final Set<String> RESERVED = Set.of("team", "pseudonym");
    private static final int DEFAULT_TEXT_LENGTH = 200;

    record RawOption(String value, String label) {
    }

    record RawField(String name, String label, String help, String type, Boolean required, BigDecimal min,
            BigDecimal max, Integer maxLength, List<RawOption> options, String when, String whenText) {
    }

    record RawRule(String id, String severity, String message, String check, String field) {
    }

    record RawStandard(String id, String text, String source, String appliesTo, String meets, Integer target) {
    }

    record RawAllOrNone(String id, String text, List<String> standards) {
    }

    record RawDefinition(String id, Integer version, String title, String description, List<RawField> fields,
            List<RawRule> rules, List<RawStandard> standards, RawAllOrNone allOrNone) {
    }

    private DefinitionReader() {
    }

    static AuditDefinition read(String file, InputStream in) {
        RawDefinition raw;
        try {
            raw = JSON.readValue(in, RawDefinition.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InvalidDefinitionException(file, "JSON at line " + (e.getLocation() == null ? "?"
                    : e.getLocation().getLineNr()), e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new InvalidDefinitionException(file, "file", e.getMessage());
        }
        require(file, "id", raw.id() != null && ID.matcher(raw.id()).matches(), "lower-case letters, digits and dashes");
        require(file, "version", raw.version() != null && raw.version() >= 1, "a whole number from 1");
        String expected = raw.id() + ".v" + raw.version() + ".json";
        require(file, "file name", file.endsWith("/" + expected) || file.equals(expected),
                "the file must be called " + expected);
        require(file, "title", raw.title() != null && !raw.title().isBlank(), "give the definition a title");
        require(file, "fields", raw.fields() != null && !raw.fields().isEmpty(), "a record needs at least one field");
        List<Field> fields = fields(file, raw.fields());
        List<Rule> rules = rules(file, raw.rules() == null ? List.of() : raw.rules(), fields);
        List<Standard> standards = standards(file, raw.standards() == null ? List.of() : raw.standards());
        AllOrNone allOrNone = allOrNone(file, raw.allOrNone(), standards);
        checkNames(file, fields, rules, standards);
        return new AuditDefinition(raw.id(), raw.version(), raw.title(), raw.description(), fields, rules, standards,
                allOrNone, file);
    }

    private static List<Field> fields(String file, List<RawField> raws) {
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RawField raw : raws) {
            String where = "field '" + raw.name() + "'";
            require(file, where, raw.name() != null && NAME.matcher(raw.name()).matches(),
                    "names start with a lower-case letter and use letters and digits only");
            require(file, where, !RESERVED.contains(raw.name()), "'" + raw.name() + "' is a column of every record");
            require(file, where, names.add(raw.name()), "the name is used twice");
            require(file, where, raw.label() != null && !raw.label().isBlank(), "give the field a label");
            FieldType type = FieldType.byKey(raw.type()).orElseThrow(() -> new InvalidDefinitionException(file, where,
                    "unknown type '" + raw.type() + "'; use one of " + FieldType.keys()));
            boolean numeric = type.numeric();
            require(file, where, numeric || (raw.min() == null && raw.max() == null), "min and max are for numbers");
            require(file, where, raw.min() == null || raw.max() == null || raw.min().compareTo(raw.max()) <= 0,
                    "min is above max");
            boolean choice = type == FieldType.CHOICE || type == FieldType.MULTICHOICE;
            List<Option> options = raw.options() == null ? List.of()
                    : raw.options().stream().map(o -> new Option(o.value(), o.label())).toList();
            require(file, where, !choice || options.size() >= 2, "a choice needs at least two options");
            require(file, where, choice || options.isEmpty(), "options are for choice fields");
            require(file, where, options.stream().map(Option::value).distinct().count() == options.size()
                    && options.stream().allMatch(o -> o.value() != null && !o.value().isBlank()
                    && !o.value().contains("|") && o.label() != null), "each option needs a value (no '|') and a label, once");
            Feel.Expression when = raw.when() == null ? null : expression(file, where + ": when", raw.when());
            require(file, where, when == null || (raw.whenText() != null && !raw.whenText().isBlank()),
                    "a field asked only 'when' something holds needs 'whenText': the condition in words, which is all "
                            + "that forms and messages show");
            Integer maxLength = type == FieldType.TEXT
                    ? (raw.maxLength() == null ? DEFAULT_TEXT_LENGTH : raw.maxLength()) : null;
            fields.add(new Field(raw.name(), raw.label(), raw.help(), type, Boolean.TRUE.equals(raw.required()),
                    raw.min(), raw.max(), maxLength, options, when, raw.whenText()));
        }
        return List.copyOf(fields);
    }

    private static List<Rule> rules(String file, List<RawRule> raws, List<Field> fields) {
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RawRule raw : raws) {
            String where = "rule '" + raw.id() + "'";
            require(file, where, raw.id() != null && ids.add(raw.id()), "each rule needs its own id");
            Rule.Severity severity;
            try {
                severity = Rule.Severity.valueOf(String.valueOf(raw.severity()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidDefinitionException(file, where, "severity must be error or warning");
            }
            require(file, where, raw.message() != null && !raw.message().isBlank(), "say what is wrong in message");
            require(file, where, raw.field() == null || fields.stream().anyMatch(f -> f.name().equals(raw.field())),
                    "no field '" + raw.field() + "' to show the message next to");
            rules.add(new Rule(raw.id(), severity, raw.message(), expression(file, where + ": check", raw.check()),
                    raw.field()));
        }
        return List.copyOf(rules);
    }

    private static List<Standard> standards(String file, List<RawStandard> raws) {
        List<Standard> standards = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RawStandard raw : raws) {
            String where = "standard '" + raw.id() + "'";
            require(file, where, raw.id() != null && ids.add(raw.id()), "each standard needs its own id");
            require(file, where, raw.text() != null && !raw.text().isBlank(), "give the standard's wording in text");
            require(file, where, raw.source() != null && !raw.source().isBlank(),
                    "name the standard's source, such as a NICE guideline");
            require(file, where, raw.target() == null || (raw.target() >= 0 && raw.target() <= 100),
                    "target is a percentage from 0 to 100");
            standards.add(new Standard(raw.id(), raw.text(), raw.source(),
                    expression(file, where + ": appliesTo", raw.appliesTo() == null ? "true" : raw.appliesTo()),
                    expression(file, where + ": meets", raw.meets()), raw.target()));
        }
        return List.copyOf(standards);
    }

    private static AllOrNone allOrNone(String file, RawAllOrNone raw, List<Standard> standards) {
        if (raw == null) {
            return null;
        }
        String where = "allOrNone '" + raw.id() + "'";
        require(file, where, raw.id() != null && raw.text() != null && raw.standards() != null
                && raw.standards().size() >= 2, "give an id, a text and at least two standards");
        for (String id : raw.standards()) {
            require(file, where, standards.stream().anyMatch(s -> s.id().equals(id)), "no standard '" + id + "'");
        }
        return new AllOrNone(raw.id(), raw.text(), List.copyOf(raw.standards()));
    }

    /** Every name an expression uses must be a field: a misspelt one would quietly never match. */
    private static void checkNames(String file, List<Field> fields, List<Rule> rules, List<Standard> standards) {
        Map<String, Object> sample = new HashMap<>();
        for (Field f : fields) {
            sample.put(f.name(), switch (f.type()) {
                case INTEGER -> 1L;
                case DECIMAL -> BigDecimal.ONE;
                case DATE -> LocalDate.of(2000, 1, 1);
                case YESNO -> Boolean.TRUE;
                case CHOICE -> f.options().get(0).value();
                case MULTICHOICE -> List.of(f.options().get(0).value());
                case TEXT -> "text";
            });
        }
        for (Field f : fields) {
            if (f.when() != null) {
                names(file, "field '" + f.name() + "': when", f.when(), sample);
            }
        }
        for (Rule r : rules) {
            names(file, "rule '" + r.id() + "': check", r.check(), sample);
        }
        for (Standard s : standards) {
            names(file, "standard '" + s.id() + "': appliesTo", s.appliesTo(), sample);
            names(file, "standard '" + s.id() + "': meets", s.meets(), sample);
        }
    }

    private static void names(String file, String where, Feel.Expression expression, Map<String, Object> sample) {
        List<String> unknown = expression.unknownNames(sample);
        require(file, where, unknown.isEmpty(), "'" + expression.source() + "' uses a name that is not a field: "
                + String.join("; ", unknown));
    }

    private static Feel.Expression expression(String file, String where, String source) {
        require(file, where, source != null && !source.isBlank(), "the expression is missing");
        try {
            return Feel.parse(source);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(file, where, "'" + source + "' is not valid FEEL: " + e.getMessage());
        }
    }

    private static void require(String file, String where, boolean condition, String reason) {
        if (!condition) {
            throw new InvalidDefinitionException(file, where, reason);
        }
    }
}
