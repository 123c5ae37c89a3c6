package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One standard over the programme's rounds as a line chart: the organisation's exact share and the
 * national share, round by round, with the last round the one reported on. Values are in the table
 * beside it and in the text alternative, so the chart carries no labels that could collide.
 */
public record TrendChart(int width, int height, ChartAxes axes, String ownPath, String nationalPath, List<Dot> own,
        List<Dot> national, String description) {

    static final int WIDTH = 480;
    static final int HEIGHT = 240;
    private static final ChartAxes AREA = new ChartAxes(48, 12, WIDTH - 24, 180, List.of(), List.of(), "");
    /** Below this spacing a round is labelled by its number only. */
    private static final int ROOM_FOR_WORD = 64;

    public record Dot(double x, double y, String title) {
    }

    static TrendChart of(StandardRow standard) {
        List<OrganisationReport.Trend> rounds = standard.trend();
        double step = rounds.size() < 2 ? 0 : (double) (AREA.right() - AREA.left() - 40) / (rounds.size() - 1);
        List<ChartAxes.Tick> xTicks = new ArrayList<>();
        List<Dot> own = new ArrayList<>();
        List<Dot> national = new ArrayList<>();
        StringBuilder nationalPath = new StringBuilder();
        boolean gap = true;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            OrganisationReport.Trend round = rounds.get(i);
            double x = AREA.left() + 20 + i * step;
            xTicks.add(new ChartAxes.Tick(x, step >= ROOM_FOR_WORD ? "Round " + round.number() : String.valueOf(round.number())));
            if (round.own() != null && round.own().share() != null) {
                own.add(new Dot(x, y(round.own().share()), round.round() + ": your organisation " + round.ownPercent()));
            }
            if (round.nationalShare() != null) {
                Dot dot = new Dot(x, y(round.nationalShare()), round.round() + ": all organisations "
                        + round.nationalPercent());
                national.add(dot);
                // a round whose national figure is withheld breaks the line rather than being bridged
                nationalPath.append(nationalPath.isEmpty() ? "" : " ").append(gap ? "M" : "L")
                        .append(format(dot.x())).append(',').append(format(dot.y()));
                gap = false;
            } else {
                gap = true;
            }
            words.add(round.round() + ": yours " + round.ownPercent() + ", all organisations " + round.nationalPercent());
        }
        String description = standard.id() + ": share meeting the standard in each round of the programme. "
                + String.join("; ", words) + "." + change(standard);
        return new TrendChart(WIDTH, HEIGHT, ChartAxes.percent(AREA.left(), AREA.top(), AREA.right(), AREA.bottom(),
                xTicks, ""), path(own), nationalPath.toString(), own, national, description);
    }

    /** The change in the round reported on, in words, where there is an earlier round to compare it with. */
    private static String change(StandardRow standard) {
        List<OrganisationReport.Trend> rounds = standard.trend();
        if (rounds.size() < 2) {
            return "";
        }
        OrganisationReport.Trend current = rounds.get(rounds.size() - 1);
        return " Change in this round: yours " + standard.ownFromPrevious(current) + " from the previous round and "
                + standard.ownFromBaseline(current) + " from the baseline; all organisations "
                + standard.nationalFromPrevious(current) + " from the previous round and "
                + standard.nationalFromBaseline(current) + " from the baseline.";
    }

    private static String path(List<Dot> dots) {
        StringBuilder path = new StringBuilder();
        for (Dot dot : dots) {
            path.append(path.isEmpty() ? "M" : " L").append(format(dot.x())).append(',').append(format(dot.y()));
        }
        return path.toString();
    }

    private static double y(double percent) {
        return AREA.y(percent);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
