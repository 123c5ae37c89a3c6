package org.qipflow.definitions;

/**
 * A data-quality rule: {@code check} holds for good records; an error blocks, a warning asks to check.
 *
 * @param field the field the message belongs next to on the form, or null for the record as a whole
 */
public record Rule(String id, Severity severity, String message, Feel.Expression check, String field) {

    public enum Severity { ERROR, WARNING }
}
