package org.qipflow.definitions;

/** How many records a standard applies to (denominator) and how many of those meet it (numerator). */
public record StandardFigure(String standardId, int numerator, int denominator) {
}
