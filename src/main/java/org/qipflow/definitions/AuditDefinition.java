package org.qipflow.definitions;

import java.util.List;
import java.util.Optional;

/** A loaded, checked audit definition. */
public record AuditDefinition(String id, int version, String title, String description, List<Field> fields,
        List<Rule> rules, List<Standard> standards, AllOrNone allOrNone, String file) {

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
