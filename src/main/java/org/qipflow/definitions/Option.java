package org.qipflow.definitions;

/** One answer of a choice field: the value stored and uploaded, and the label people read. */
public record Option(String value, String label) {
}
