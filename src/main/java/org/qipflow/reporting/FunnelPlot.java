package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A funnel plot of one standard: each organisation's share against the number of records it
 * applies to, with the national share and the 2 and 3 standard-deviation limits around it
 * (binomial, p ± z·√(p(1−p)/n)). Points outside the limits are unlikely to be chance. Other
 * organisations are placed by their rounded counts and hidden ones are left out, so the plot shows
 * nothing the tables do not.
 */
public record FunnelPlot(int width, int height, Area area, List<Point> points, Limits limits, List<Tick> xTicks,
        List<Tick> yTicks, String description) {

    static final int WIDTH = 480;
    static final int HEIGHT = 270;
    private static final Area AREA = new Area(48, 12, WIDTH - 16, HEIGHT - 44);
    private static final int STEPS = 60;

    /** The plotting area inside the axes, in SVG coordinates. */
    public record Area(int left, int top, int right, int bottom) {
    }

    public record Point(double x, double y, boolean own, String title) {
    }

    /** SVG paths of the limits; the plot has none when the national share cannot be shown. */
    public record Limits(double nationalY, String upper2, String lower2, String upper3, String lower3) {
    }

    public record Tick(double at, String label) {
    }

    /** Where a share lies against the limits. */
    enum Position {
        WITHIN_2SD, BETWEEN_2_AND_3SD, BEYOND_3SD
    }

    static FunnelPlot of(OrganisationReport.StandardRow standard) {
        Double nationalShown = standard.national().share();
        // all or none meeting a standard nationally leaves no spread to draw limits from
        Double national = nationalShown == null || nationalShown <= 0 || nationalShown >= 100 ? null : nationalShown;
        List<OrganisationReport.Peer> shown = standard.shownPeers().stream().filter(p -> p.records() > 0).toList();
        long hidden = standard.hiddenOthers();
        int xMax = niceCeiling(shown.stream().mapToInt(OrganisationReport.Peer::records).max().orElse(0));
        List<Point> points = new ArrayList<>();
        int[] others = new int[Position.values().length];
        String own = "";
        for (OrganisationReport.Peer peer : shown) {
            String title = peer.alias() + ": " + peer.percent() + " of " + peer.records() + " records";
            points.add(new Point(x(peer.records(), xMax), y(peer.share()), peer.own(), title));
            if (national == null) {
                continue;
            }
            Position position = position(peer.share() / 100, national / 100, peer.records());
            if (peer.own()) {
                own = " Your organisation (" + peer.percent() + " of " + peer.records() + " records) is "
                        + words(position, peer.share() > national) + ".";
            } else {
                others[position.ordinal()]++;
            }
        }
        points.sort(java.util.Comparator.comparing(Point::own)); // the own point last, drawn on top
        Limits limits = national == null ? null : limits(national / 100, xMax);
        String description = standard.id() + ": funnel plot of each organisation's share against its number of "
                + "records" + (national == null
                        ? "; " + (nationalShown == null ? "the national share is hidden" : "all organisations together are at "
                                + standard.national().percent()) + ", so there are no limits."
                        : ", around the national " + standard.national().percent() + " with 2 and 3 standard "
                                + "deviation limits." + own + " Other organisations: " + others[0] + " within 2 SD, "
                                + others[1] + " between 2 and 3 SD, " + others[2] + " beyond 3 SD.")
                + (hidden == 0 ? "" : " " + hidden + " organisation(s) not shown: too few records to show.");
        return new FunnelPlot(WIDTH, HEIGHT, AREA, points, limits, recordTicks(xMax), percentTicks(), description);
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
        return AREA.bottom() - (AREA.bottom() - AREA.top()) * percent / 100;
    }

    /** Quarters when they are whole numbers (20, 100, 500), otherwise fifths (10, 50, 250). */
    private static List<Tick> recordTicks(int xMax) {
        int divisions = xMax % 4 == 0 ? 4 : 5;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= divisions; i++) {
            int value = xMax * i / divisions;
            ticks.add(new Tick(x(value, xMax), String.valueOf(value)));
        }
        return ticks;
    }

    private static List<Tick> percentTicks() {
        return List.of(0, 25, 50, 75, 100).stream().map(v -> new Tick(y(v), v + "%")).toList();
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
