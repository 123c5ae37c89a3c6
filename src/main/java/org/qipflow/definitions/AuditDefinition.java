package org.qipflow.definitions;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A loaded, checked audit definition. */
public record AuditDefinition(String id, int version, String title, String description, List<Field> fields,
        List<Rule> rules, List<Standard> standards, AllOrNone allOrNone, String file) {

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Those of these standard ids the definition has, in its order. */
    public List<String> standardIds(Collection<String> ids) {
        return standards.stream().map(Standard::id).filter(ids::contains).toList();
    }

    /** What is wrong with these standard ids, in the user's words, or empty when the definition has them all. */
    public Optional<String> unknownStandards(Collection<String> ids) {
        List<String> known = standards.stream().map(Standard::id).toList();
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        return unknown.isEmpty() ? Optional.empty() : Optional.of(id + " has no standard " + String.join(", ", unknown)
                + ": choose among " + String.join(", ", known));
    }
}
