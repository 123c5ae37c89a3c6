package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A funnel plot of one standard: each organisation's share against the number of records it
 * applies to, with the exact national share and the 2 and 3 standard-deviation limits around it
 * (binomial, p ± z·√(p(1−p)/n)). Where each organisation lies against the limits is decided from its
 * exact counts and drawn as the point's shape, so a point placed by rounded counts never says more
 * or less than its position; hidden organisations are left out.
 */
public record FunnelPlot(int width, int height, ChartAxes axes, List<Point> points, Limits limits,
        List<LegendItem> legend, String description) {

    static final int WIDTH = 480;
    static final int HEIGHT = 330;
    private static final ChartAxes AREA = new ChartAxes(48, 12, WIDTH - 16, 226, List.of(), List.of(), "");
    private static final int STEPS = 60;

    /** @param position null when the plot has no limits */
    public record Point(double x, double y, boolean own, Position position, String title) {

        /** How the point is drawn: the own organisation as a square, others by where they lie. */
        public String marker() {
            return own ? "own" : position == null ? "within" : position.marker();
        }
    }

    /** SVG paths of the limits; the plot has none when all or none meet the standard nationally. */
    public record Limits(double nationalY, String upper2, String lower2, String upper3, String lower3) {
    }

    /** One line of the legend under the plot, at (x, y). */
    public record LegendItem(double x, double y, String marker, String label) {
    }

    /** Where a share lies against the limits. */
    public enum Position {
        WITHIN_2SD("within"), BETWEEN_2_AND_3SD("alert"), BEYOND_3SD("alarm");

        private final String marker;

        Position(String marker) {
            this.marker = marker;
        }

        public String marker() {
            return marker;
        }
    }

    static FunnelPlot of(StandardRow standard) {
        Double national = withSpread(standard.national());
        List<OrganisationReport.Peer> shown = standard.shownPeers().stream().filter(p -> p.plotRecords() > 0).toList();
        long hidden = standard.hiddenOthers();
        int xMax = niceCeiling(shown.stream().mapToInt(OrganisationReport.Peer::plotRecords).max().orElse(0));
        List<Point> points = new ArrayList<>();
        int[] others = new int[Position.values().length];
        String own = "";
        for (OrganisationReport.Peer peer : shown) {
            String title = peer.alias() + ": " + peer.percent() + " of " + peer.records() + " records";
            Position position = national == null ? null : peer.position();
            points.add(new Point(x(peer.plotRecords(), xMax), y(peer.share()), peer.own(), position, title));
            if (position == null) {
                continue;
            }
            if (peer.own()) {
                own = " Your organisation (" + peer.percent() + " of " + peer.records() + " records) is "
                        + words(position, peer.share() > national) + ".";
            } else {
                others[position.ordinal()]++;
            }
        }
        points.sort(Comparator.comparing(Point::own)); // the own point last, drawn on top
        Limits limits = national == null ? null : limits(national / 100, xMax);
        String nationalText = standard.nationalPercent();
        String description = standard.id() + ": funnel plot of each organisation's share against its number of "
                + "records" + (national == null
                        ? "; " + (!standard.nationalShown() ? "the national figure is not shown"
                                : standard.national().denominator() == 0 ? "no records nationally"
                                : "all organisations together are at " + nationalText) + ", so there are no limits."
                        : ", around the national " + nationalText + " with 2 and 3 standard deviation limits."
                                + own + " Other organisations: " + others[0] + " within 2 SD, " + others[1]
                                + " between 2 and 3 SD, " + others[2] + " beyond 3 SD.")
                + (hidden == 0 ? "" : " " + hidden + " organisation(s) not shown: too few records to show.");
        ChartAxes axes = ChartAxes.percent(AREA.left(), AREA.top(), AREA.right(), AREA.bottom(), recordTicks(xMax),
                "Records the standard applies to");
        return new FunnelPlot(WIDTH, HEIGHT, axes, points, limits, legend(limits != null), description);
    }

    /** The national share in percent when it leaves a spread to draw limits from: not 0% or 100%. */
    private static Double withSpread(OrganisationReport.Exact national) {
        return national == null || national.denominator() == 0 || national.numerator() == 0 || national.numerator() == national.denominator()
                ? null : national.share();
    }

    /**
     * Where an exact share lies against the limits around the exact national share; null when every
     * record or none meets the standard nationally, which leaves no spread.
     */
    static Position position(OrganisationReport.Exact figures, OrganisationReport.Exact national) {
        Double p = withSpread(national);
        return p == null || figures.denominator() == 0 ? null
                : position((double) figures.numerator() / figures.denominator(), p / 100, figures.denominator());
    }

    static Position position(double share, double national, int records) {
        if (share <= limit(national, 2, records) + 1e-9 && share >= limit(national, -2, records) - 1e-9) {
            return Position.WITHIN_2SD;
        }
        return share <= limit(national, 3, records) + 1e-9 && share >= limit(national, -3, records) - 1e-9
                ? Position.BETWEEN_2_AND_3SD : Position.BEYOND_3SD;
    }

    /** The control limit z standard deviations from the national share p for n records, within 0–1. */
    static double limit(double p, double z, double n) {
        return Math.max(0, Math.min(1, p + z * Math.sqrt(p * (1 - p) / n)));
    }

    private static String words(Position position, boolean above) {
        return switch (position) {
            case WITHIN_2SD -> "within the 2 SD limits";
            case BETWEEN_2_AND_3SD -> (above ? "above" : "below") + " the 2 SD limit but within 3 SD";
            case BEYOND_3SD -> (above ? "above" : "below") + " the 3 SD limit";
        };
    }

    /** Two columns under the axis title: the markers, then the lines. */
    private static List<LegendItem> legend(boolean withLimits) {
        double top = AREA.bottom() + 44;
        List<LegendItem> items = new ArrayList<>(List.of(
                new LegendItem(AREA.left(), top, "own", "Your organisation"),
                new LegendItem(AREA.left(), top + 18, "within", withLimits ? "Within 2 SD" : "Other organisations")));
        if (withLimits) {
            items.add(new LegendItem(AREA.left(), top + 36, "alert", "Between 2 and 3 SD (alert)"));
            items.add(new LegendItem(AREA.left(), top + 54, "alarm", "Beyond 3 SD (alarm)"));
            double right = AREA.left() + 230;
            items.add(new LegendItem(right, top, "national", "All organisations"));
            items.add(new LegendItem(right, top + 18, "sd2", "2 SD limits"));
            items.add(new LegendItem(right, top + 36, "sd3", "3 SD limits"));
        }
        return items;
    }

    private static Limits limits(double p, int xMax) {
        return new Limits(y(100 * p), path(p, 2, xMax), path(p, -2, xMax), path(p, 3, xMax), path(p, -3, xMax));
    }

    /** The limit p + z·sd from one record to the right edge, clipped to 0–100%. */
    private static String path(double p, double z, int xMax) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i <= STEPS; i++) {
            double n = 1 + (xMax - 1) * Math.pow((double) i / STEPS, 2); // denser where the funnel is steep
            path.append(i == 0 ? "M" : " L").append(format(x(n, xMax))).append(',')
                    .append(format(y(100 * limit(p, z, n))));
        }
        return path.toString();
    }

    private static double x(double records, int xMax) {
        return AREA.left() + (AREA.right() - AREA.left()) * records / xMax;
    }

    private static double y(double percent) {
        return AREA.y(percent);
    }

    /** Quarters when they are whole numbers (20, 100, 500), otherwise fifths (10, 50, 250). */
    private static List<ChartAxes.Tick> recordTicks(int xMax) {
        int divisions = xMax % 4 == 0 ? 4 : 5;
        List<ChartAxes.Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= divisions; i++) {
            int value = xMax * i / divisions;
            ticks.add(new ChartAxes.Tick(x(value, xMax), String.valueOf(value)));
        }
        return ticks;
    }

    /** The smallest of 1, 2, 2.5 or 5 times a power of ten that reaches the value; at least 10. */
    static int niceCeiling(int value) {
        for (int power = 10; ; power *= 10) {
            for (double step : new double[] {1, 2, 2.5, 5}) {
                int candidate = (int) (step * power);
                if (candidate >= value) {
                    return candidate;
                }
            }
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
