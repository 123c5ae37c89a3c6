package org.qipflow.definitions;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of value a record field holds. */
public enum FieldType {
    INTEGER("integer"),
    DECIMAL("decimal"),
    DATE("date"),
    YESNO("yesno"),
    CHOICE("choice"),
    MULTICHOICE("multichoice"),
    TEXT("text");

    private final String key;

    FieldType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Whether a value of this type is a number (to check against min and max, to store as a number). */
    public boolean numeric() {
        return this == INTEGER || this == DECIMAL;
    }

    static Optional<FieldType> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    static String keys() {
        return Arrays.stream(values()).map(FieldType::key).collect(Collectors.joining(", "));
    }
}
