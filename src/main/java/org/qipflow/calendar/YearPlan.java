package org.qipflow.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.Milestones;

/**
 * The year at a glance, laid out for an SVG the page and the PDF both draw: a row per cycle with its
 * data collection and submission window as bars and materials, deadline and report as marks, clipped
 * to the year. The table beside it carries the same dates as text.
 */
record YearPlan(int year, int width, int height, List<Tick> months, List<Row> rows) {

    static final int LABEL_WIDTH = 300;
    static final int CHART_WIDTH = 840;
    static final int ROW = 26;
    static final int HEADER = 22;

    record Tick(double x, String label) {
    }

    /** A bar from {@code x}, {@code width} wide; null parts of a row fall outside the year. */
    record Span(double x, double width) {
    }

    record Row(String label, boolean draft, int y, Span collection, Span submission, Double materials,
            Double deadline, Double report, Milestones milestones) {
    }

    /** A cycle to draw: scheduled, or a draft with the milestones it would have. */
    record Item(String label, boolean draft, Milestones milestones) {
    }

    static YearPlan of(int year, List<Item> items) {
        List<Tick> months = new ArrayList<>();
        for (Month month : Month.values()) {
            months.add(new Tick(x(LocalDate.of(year, month, 1)), month.getDisplayName(TextStyle.SHORT, Locale.UK)));
        }
        List<Row> rows = new ArrayList<>();
        for (Item item : items) {
            Milestones m = item.milestones();
            rows.add(new Row(item.label(), item.draft(), HEADER + rows.size() * ROW,
                    span(year, day(m, Milestone.DATA_COLLECTION_START), day(m, Milestone.DATA_COLLECTION_END)),
                    span(year, day(m, Milestone.SUBMISSION_OPENS), day(m, Milestone.SUBMISSION_CLOSES)),
                    mark(year, day(m, Milestone.MATERIALS_DISPATCH)), mark(year, day(m, Milestone.SUBMISSION_CLOSES)),
                    mark(year, day(m, Milestone.REPORT_DUE)), m));
        }
        return new YearPlan(year, LABEL_WIDTH + CHART_WIDTH + 10, HEADER + Math.max(rows.size(), 1) * ROW + 4,
                months, rows);
    }

    /** Whether any of the milestones falls in the year. */
    static boolean touches(int year, Milestones milestones) {
        return milestones.dates().values().stream()
                .anyMatch(d -> d.withZoneSameInstant(IcsWriter.LONDON).getYear() == year);
    }

    private static LocalDate day(Milestones milestones, Milestone milestone) {
        return milestones.get(milestone).withZoneSameInstant(IcsWriter.LONDON).toLocalDate();
    }

    private static Span span(int year, LocalDate first, LocalDate last) {
        LocalDate from = first.getYear() < year ? LocalDate.of(year, 1, 1) : first;
        LocalDate to = last.getYear() > year ? LocalDate.of(year, 12, 31) : last;
        if (from.getYear() != year || to.getYear() != year || to.isBefore(from)) {
            return null;
        }
        return new Span(x(from), Math.max(x(to) + dayWidth(to) - x(from), 2));
    }

    private static Double mark(int year, LocalDate day) {
        return day.getYear() == year ? x(day) + dayWidth(day) / 2 : null;
    }

    private static double x(LocalDate day) {
        return LABEL_WIDTH + CHART_WIDTH * (day.getDayOfYear() - 1) / (double) day.lengthOfYear();
    }

    private static double dayWidth(LocalDate day) {
        return CHART_WIDTH / (double) day.lengthOfYear();
    }
}
