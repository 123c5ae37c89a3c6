package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart of one standard across organisations, laid out here so the template only
 * draws it: one bar per organisation whose share may be shown, the own organisation highlighted, and
 * a line at the national share. Hidden organisations get no bar; the text alternative says so.
 * With many organisations the bars get thinner (down to 3 units a bar, so up to about 150
 * organisations keep to a page), and a bar too thin for its label carries none, so labels never
 * overprint; the own bar keeps its label, and the table and the text alternative list them all.
 */
public record BarChart(int width, int height, List<Bar> bars, Double nationalX, String description) {

    static final int LABEL_WIDTH = 130;
    static final int BAR_AREA = 320;
    static final int ROW = 22;
    /** The most height the bars take before they get thinner. */
    static final int MAX_BARS_HEIGHT = 440;
    /** The thinnest row that fits a 12-unit label clear of its neighbours. */
    static final int MIN_LABELLED_ROW = 16;

    /** @param label empty when the bar is too thin to carry one */
    public record Bar(int y, int height, int width, String label, String percent, boolean own) {

        /** The white ground behind the value: generous for 12-unit digits, bold or not. */
        public int valueWidth() {
            return percent.length() * 8 + 4;
        }
    }

    static BarChart of(StandardRow standard) {
        List<OrganisationReport.Peer> shown = standard.shownPeers();
        long hidden = standard.hiddenOthers();
        int row = Math.max(3, Math.min(ROW, MAX_BARS_HEIGHT / Math.max(shown.size(), 1)));
        List<Bar> bars = new ArrayList<>();
        for (OrganisationReport.Peer peer : shown) {
            boolean labelled = row >= MIN_LABELLED_ROW || peer.own();
            bars.add(new Bar(bars.size() * row + 6, Math.max(row - 6, 2),
                    (int) Math.round(BAR_AREA * peer.share() / 100), labelled ? peer.alias() : "",
                    labelled ? peer.percent() : "", peer.own()));
        }
        String national = standard.nationalPercent();
        Double nationalShare = standard.nationalShare();
        Double nationalX = nationalShare == null ? null : LABEL_WIDTH + BAR_AREA * nationalShare / 100;
        String description = standard.id() + ": share of records meeting the standard, by organisation. "
                + shown.stream().map(p -> p.alias() + " " + p.percent()).reduce((a, b) -> a + ", " + b).orElse("")
                + (nationalX == null ? "" : ". All organisations " + national + " (the vertical line)")
                + (hidden == 0 ? "." : ". " + hidden + " organisation(s) not shown: too few records to show.");
        return new BarChart(LABEL_WIDTH + BAR_AREA + 50, Math.max(bars.size(), 1) * row + 12, bars, nationalX,
                description);
    }
}
