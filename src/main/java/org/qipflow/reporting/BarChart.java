package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart of one standard across organisations, laid out here so the template only
 * draws it: one bar per organisation whose share may be shown, the own organisation highlighted, and
 * a line at the national share. Suppressed organisations get no bar; the text alternative says so.
 */
public record BarChart(int width, int height, List<Bar> bars, Double nationalX, String description) {

    static final int LABEL_WIDTH = 130;
    static final int BAR_AREA = 320;
    static final int ROW = 22;

    public record Bar(int y, int width, String label, String percent, boolean own) {
    }

    static BarChart of(OrganisationReport.StandardRow standard) {
        List<Bar> bars = new ArrayList<>();
        int hidden = 0;
        for (OrganisationReport.Peer peer : standard.peers()) {
            if (peer.share() == null) {
                hidden++;
                continue;
            }
            bars.add(new Bar(bars.size() * ROW + 6, (int) Math.round(BAR_AREA * peer.share() / 100), peer.alias(),
                    peer.percent(), peer.own()));
        }
        String national = standard.national().percent();
        Double nationalShare = standard.national().share();
        Double nationalX = nationalShare == null ? null : LABEL_WIDTH + BAR_AREA * nationalShare / 100;
        String description = standard.id() + ": share of records meeting the standard, by organisation. "
                + bars.stream().map(b -> b.label() + " " + b.percent()).reduce((a, b) -> a + ", " + b).orElse("")
                + (nationalX == null ? "" : ". All organisations " + national + " (the vertical line)")
                + (hidden == 0 ? "." : ". " + hidden + " organisation(s) not shown: too few records to show.");
        return new BarChart(LABEL_WIDTH + BAR_AREA + 50, Math.max(bars.size(), 1) * ROW + 12, bars, nationalX,
                description);
    }
}
