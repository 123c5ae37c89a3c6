package org.qipflow.reporting;

import java.util.List;

/**
 * The plotting area of a chart in SVG coordinates, a percentage scale up its side and labelled ticks
 * along the bottom, shared by the funnel plot and the trend chart.
 *
 * @param title what the bottom axis counts, or empty
 */
public record ChartAxes(int left, int top, int right, int bottom, List<Tick> xTicks, List<Tick> yTicks, String title) {

    public record Tick(double at, String label) {
    }

    /** An area with 0–100% up its side, quarters labelled. */
    static ChartAxes percent(int left, int top, int right, int bottom, List<Tick> xTicks, String title) {
        ChartAxes bare = new ChartAxes(left, top, right, bottom, List.of(), List.of(), title);
        return new ChartAxes(left, top, right, bottom, xTicks,
                List.of(0, 25, 50, 75, 100).stream().map(v -> new Tick(bare.y(v), v + "%")).toList(), title);
    }

    /** Where a share in percent goes up the side. */
    double y(double percent) {
        return bottom - (bottom - top) * percent / 100;
    }

    /** Where the axis title goes, centred below the tick labels. */
    public double middle() {
        return (left + right) / 2.0;
    }
}
