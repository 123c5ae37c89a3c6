package org.qipflow.definitions;

import java.util.ArrayList;
import java.util.List;

/** The columns of an upload file: team, pseudonym, then every field in the definition's order. */
public final class CsvTemplate {

    public static final String TEAM = "team";
    public static final String PSEUDONYM = "pseudonym";

    private CsvTemplate() {
    }

    public static List<String> columns(AuditDefinition definition) {
        List<String> columns = new ArrayList<>(List.of(TEAM, PSEUDONYM));
        definition.fields().forEach(f -> columns.add(f.name()));
        return columns;
    }

    public static String header(AuditDefinition definition) {
        return String.join(",", columns(definition)) + "\r\n";
    }
}
