package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.qipflow.programmes.OutlierPolicy;

/**
 * Which organisations lie beyond an outlier indicator's funnel-plot limits, from exact counts: beyond
 * 2 standard deviations an alert, beyond 3 an alarm (HQIP's outlier guidance). The limits are the
 * funnel plot's: binomial around the exact national share, p ± z·√(p(1−p)/n). Where the programme
 * allows for over-dispersion and organisations vary more than chance allows, they are widened by √φ,
 * φ estimated from winsorised z-scores (Spiegelhalter, Statistics in Medicine 2005); see
 * {@code docs/outliers.md}.
 */
public final class OutlierFlags {

    /** Fewer organisations than this give too few z-scores to estimate over-dispersion from. */
    static final int FEWEST_FOR_OVERDISPERSION = 10;
    /** The share of z-scores at each end pulled in to the next value before φ is estimated. */
    static final double WINSORISED = 0.10;
    private static final double TOLERANCE = 1e-9;

    private OutlierFlags() {
    }

    public enum Level { ALERT, ALARM }

    public enum Direction { ABOVE, BELOW }

    /** @param z the z-score against the limits used: divided by √φ where they were widened */
    public record Flag(String organisationCode, int numerator, int denominator, double z, Level level,
            Direction direction) {

        public String percent() {
            return SmallNumbers.exactPercent(numerator, denominator);
        }
    }

    /**
     * One indicator in one cycle.
     *
     * @param organisations the organisations whose standard applied to at least one record
     * @param phi           the over-dispersion estimated, null when there were too few organisations or
     *                      no spread (every record or none meeting the standard nationally)
     * @param overdispersed whether the limits were widened by √φ
     */
    public record StandardOutliers(String standardId, int nationalNumerator, int nationalDenominator,
            int organisations, Double phi, boolean overdispersed, List<Flag> flags) {

        public String nationalPercent() {
            return SmallNumbers.exactPercent(nationalNumerator, nationalDenominator);
        }

        /** Whether there are limits at all: not when every record or none meets the standard nationally. */
        public boolean hasLimits() {
            return spread(nationalNumerator, nationalDenominator);
        }

        /** Whether organisations vary more than chance allows, whether or not the limits were widened for it. */
        public boolean beyondChance() {
            return phi != null && OutlierFlags.beyondChance(phi, organisations);
        }
    }

    /** The flags of every outlier indicator of the policy, from a cycle's figures. */
    static List<StandardOutliers> of(Collection<ResultFigure> figures, OutlierPolicy policy) {
        List<StandardOutliers> result = new ArrayList<>();
        for (String standard : policy.indicators()) {
            ResultFigure national = figures.stream()
                    .filter(f -> f.scope() == Scope.NATIONAL && f.standardId().equals(standard)).findFirst().orElse(null);
            if (national == null) {
                continue; // the round's definition has no such standard
            }
            List<ResultFigure> organisations = figures.stream()
                    .filter(f -> f.scope() == Scope.ORGANISATION && f.standardId().equals(standard) && f.denominator() > 0)
                    .toList();
            result.add(of(standard, national.numerator(), national.denominator(), organisations,
                    policy.allowForOverdispersion()));
        }
        return result;
    }

    static StandardOutliers of(String standard, int nationalNumerator, int nationalDenominator,
            List<ResultFigure> organisations, boolean allowForOverdispersion) {
        if (!spread(nationalNumerator, nationalDenominator)) {
            return new StandardOutliers(standard, nationalNumerator, nationalDenominator, organisations.size(), null,
                    false, List.of()); // no spread: no limits, as on the funnel plot
        }
        double p = (double) nationalNumerator / nationalDenominator;
        double[] z = organisations.stream().mapToDouble(f -> z(f, p)).toArray();
        Double phi = z.length < FEWEST_FOR_OVERDISPERSION ? null : phi(z);
        boolean overdispersed = allowForOverdispersion && phi != null && beyondChance(phi, z.length);
        double scale = overdispersed ? Math.sqrt(phi) : 1;
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            double zi = z[i] / scale;
            double beyond = Math.abs(zi);
            if (beyond > 2 + TOLERANCE) {
                ResultFigure f = organisations.get(i);
                flags.add(new Flag(f.organisationCode(), f.numerator(), f.denominator(), zi,
                        beyond > 3 + TOLERANCE ? Level.ALARM : Level.ALERT, zi > 0 ? Direction.ABOVE : Direction.BELOW));
            }
        }
        return new StandardOutliers(standard, nationalNumerator, nationalDenominator, z.length, phi, overdispersed,
                List.copyOf(flags));
    }

    private static boolean spread(int numerator, int denominator) {
        return denominator > 0 && numerator > 0 && numerator < denominator;
    }

    /** (share − p) / √(p(1−p)/n): how many standard deviations an organisation lies from the national share. */
    static double z(ResultFigure organisation, double p) {
        double share = (double) organisation.numerator() / organisation.denominator();
        return (share - p) / Math.sqrt(p * (1 - p) / organisation.denominator());
    }

    /**
     * φ = the mean of the squared z-scores after the lowest and highest tenth have been set to the
     * nearest value inside them, so that the outliers being looked for do not inflate it.
     */
    static double phi(double[] z) {
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        int k = (int) Math.floor(WINSORISED * sorted.length);
        double low = sorted[k];
        double high = sorted[sorted.length - 1 - k];
        double sum = 0;
        for (double value : z) {
            double w = Math.max(low, Math.min(high, value));
            sum += w * w;
        }
        return sum / z.length;
    }

    /**
     * Whether the organisations vary more than chance allows: n·φ beyond the 95th percentile of the
     * χ² distribution with n − 1 degrees of freedom (the test in Spiegelhalter 2005, section 3.1).
     */
    static boolean beyondChance(double phi, int organisations) {
        return organisations * phi > chiSquare95(organisations - 1);
    }

    /**
     * The 95th percentile of χ² with k degrees of freedom, by Wilson and Hilferty's cube-root
     * approximation k·(1 − 2/(9k) + 1.6449·√(2/(9k)))³: within 0.2% of the exact value from k = 9 up.
     */
    static double chiSquare95(int k) {
        double a = 2.0 / (9 * k);
        return k * Math.pow(1 - a + 1.6448536269514722 * Math.sqrt(a), 3);
    }
}
