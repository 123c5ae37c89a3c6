package org.qipflow.reporting;

/**
 * The NHS rule for figures shown beyond the programme team: counts from 1 to 7 are suppressed
 * ({@code *}), other counts are rounded to the nearest 5, and percentages are worked out from the
 * rounded counts, so no small group of patients can be singled out. Coordinators see exact figures.
 */
public final class SmallNumbers {

    public static final String SUPPRESSED = "*";

    private SmallNumbers() {
    }

    /** A count as others may see it: 0, "*" for 1 to 7, otherwise the nearest multiple of 5. */
    public static String count(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + count);
        }
        if (count == 0) {
            return "0";
        }
        return count <= 7 ? SUPPRESSED : String.valueOf(rounded(count));
    }

    /** A share as others may see it: from the rounded counts, "*" if either count is suppressed. */
    public static String percent(int numerator, int denominator) {
        if (denominator == 0) {
            return "–";
        }
        if ((numerator >= 1 && numerator <= 7) || denominator <= 7) {
            return SUPPRESSED;
        }
        int roundedDenominator = rounded(denominator);
        int roundedNumerator = numerator == 0 ? 0 : rounded(numerator);
        return Math.round(100.0 * Math.min(roundedNumerator, roundedDenominator) / roundedDenominator) + "%";
    }

    /** The nearest multiple of 5, halves rounded up (8 → 10, 12 → 10, 13 → 15). */
    static int rounded(int count) {
        return (int) (5 * Math.round(count / 5.0));
    }
}
