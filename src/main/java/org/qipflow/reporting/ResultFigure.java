package org.qipflow.reporting;

/** One stored figure: how many records a standard applies to and how many meet it, at one level. */
public record ResultFigure(Scope scope, String organisationCode, String teamCode, String standardId, int numerator,
        int denominator) {

    /** The share meeting the standard in percent, or null when it applies to no record. */
    public Double percent() {
        return denominator == 0 ? null : 100.0 * numerator / denominator;
    }

    /** The share as every report writes it: whole percent, halves rounded up. */
    public String percentText() {
        return SmallNumbers.exactPercent(numerator, denominator);
    }
}
