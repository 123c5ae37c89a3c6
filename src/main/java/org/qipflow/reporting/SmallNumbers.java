package org.qipflow.reporting;

/**
 * How figures are written, after NHS England's disclosure control for secondary-care statistics.
 * National figures and an organisation's own figures are exact. Below national level, another
 * organisation's counts from 1 to 7 are hidden ({@code *}) and other counts rounded to the nearest 5;
 * its share is worked out from its exact counts, and hidden wherever the numerator, the denominator
 * or the records not meeting the standard number 1 to 7, since a share of a small group can give its
 * count away. Whether anything hidden can be recovered from what is shown is decided elsewhere.
 */
public final class SmallNumbers {

    public static final String SUPPRESSED = "*";
    public static final String NO_RECORDS = "–";

    private SmallNumbers() {
    }

    /** Another organisation's count: 0, "*" for 1 to 7, otherwise the nearest multiple of 5. */
    public static String count(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + count);
        }
        if (count == 0) {
            return "0";
        }
        return small(count) ? SUPPRESSED : String.valueOf(rounded(count));
    }

    /** Whether another organisation's share may be shown: no small count can be read back from it. */
    public static boolean shareShown(int numerator, int denominator) {
        return denominator > 0 && !small(numerator) && !small(denominator) && !small(denominator - numerator);
    }

    /** Another organisation's share: exact, whole percent, or "*" where it could reveal a small count. */
    public static String percent(int numerator, int denominator) {
        if (denominator == 0) {
            return NO_RECORDS;
        }
        return shareShown(numerator, denominator) ? exactPercent(numerator, denominator) : SUPPRESSED;
    }

    /**
     * An exact share in whole percent, halves rounded up (1 of 8 = 12.5% → 13%), except that only all
     * records make 100% and only none make 0%: 199 of 200 is "&gt;99%", 1 of 300 is "&lt;1%".
     */
    public static String exactPercent(int numerator, int denominator) {
        if (denominator == 0) {
            return NO_RECORDS;
        }
        int whole = wholePercent(numerator, denominator);
        if (whole == 100 && numerator < denominator) {
            return ">99%";
        }
        if (whole == 0 && numerator > 0) {
            return "<1%";
        }
        return whole + "%";
    }

    /** 100 × numerator / denominator rounded half up, in integers so no .5 is lost to floating point. */
    static int wholePercent(int numerator, int denominator) {
        return (int) ((200L * numerator + denominator) / (2L * denominator));
    }

    /**
     * a/b − c/d in percentage points, rounded half away from zero (−2.5 → −3), worked out in integers
     * so that a difference of exactly half a point rounds the same way every time.
     */
    static long points(int a, int b, int c, int d) {
        long numerator = 100L * ((long) a * d - (long) c * b);
        long denominator = (long) b * d;
        return Long.signum(numerator) * ((2 * Math.abs(numerator) + denominator) / (2 * denominator));
    }

    static boolean small(int count) {
        return count >= 1 && count <= 7;
    }

    /** The nearest multiple of 5, halves rounded up (8 → 10, 12 → 10, 13 → 15). */
    static int rounded(int count) {
        return (count + 2) / 5 * 5;
    }
}
