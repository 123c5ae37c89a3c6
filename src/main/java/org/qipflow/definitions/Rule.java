package org.qipflow.definitions;

/** A data-quality rule: {@code check} holds for good records; an error blocks, a warning asks to check. */
public record Rule(String id, Severity severity, String message, Feel.Expression check) {

    public enum Severity { ERROR, WARNING }
}
