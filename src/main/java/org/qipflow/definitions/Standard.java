package org.qipflow.definitions;

/**
 * An audit standard: the records it applies to (denominator) and those that meet it (numerator).
 *
 * @param target the share of applicable records expected to meet it, in percent, or null
 */
public record Standard(String id, String text, String source, Feel.Expression appliesTo, Feel.Expression meets,
        Integer target) {
}
