package org.qipflow.reporting;

import static org.qipflow.reporting.SlideShapes.BARS_PER_SLIDE;
import static org.qipflow.reporting.SlideShapes.CHART;
import static org.qipflow.reporting.SlideShapes.DARK;
import static org.qipflow.reporting.SlideShapes.GREY;
import static org.qipflow.reporting.SlideShapes.NATIONAL;
import static org.qipflow.reporting.SlideShapes.chart;
import static org.qipflow.reporting.SlideShapes.layout;
import static org.qipflow.reporting.SlideShapes.row;
import static org.qipflow.reporting.SlideShapes.text;
import static org.qipflow.reporting.SlideShapes.titled;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.qipflow.reporting.SlideShapes.Bar;
import org.springframework.stereotype.Service;

/**
 * A slide set (.pptx) for local teams: a title slide, the summary, and for each standard the
 * organisations side by side, the organisation's teams, and the change over rounds. Each slide has
 * a real title; each chart is a group of native shapes (so teams can restyle it) with alternative
 * text, an axis, and every bar labelled with its name and value. A chart with more bars than fit
 * legibly goes on as many slides as it needs, so labels never overprint. Like every other output
 * for a lead, it names no other organisation.
 */
@Service
public class ReportSlides {

    private static final Dimension SIZE = new Dimension(960, 540);
    private final Reports reports;

    ReportSlides(Reports reports) {
        this.reports = reports;
    }

    public byte[] forOrganisation(long cycleId, String organisationCode) {
        OrganisationReport report = reports.forOrganisation(cycleId, organisationCode);
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.setPageSize(SIZE);
            titleSlide(show, report);
            summarySlide(show, report);
            for (StandardRow standard : report.standards()) {
                barSlides(show, standard.id() + ": all organisations", standard, organisationBars(standard),
                        standard.chart().description(), standard.nationalShare());
                if (!standard.teams().isEmpty()) {
                    barSlides(show, standard.id() + ": your teams", standard, teamBars(standard),
                            teamDescription(standard), null);
                }
                if (standard.hasTrend()) {
                    barSlides(show, standard.id() + ": change over rounds", standard, trendBars(standard),
                            standard.trendChart().description(), null);
                }
            }
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void titleSlide(XMLSlideShow show, OrganisationReport report) {
        OrganisationReport.Cover cover = report.cover();
        XSLFSlide slide = show.createSlide(layout(show, SlideLayout.TITLE));
        XSLFTextShape title = slide.getPlaceholder(0);
        title.setAnchor(new Rectangle2D.Double(60, 120, 840, 140));
        title.setText("Results of " + cover.programmeCode() + " " + cover.programmeTitle());
        XSLFTextShape subtitle = slide.getPlaceholder(1);
        subtitle.setAnchor(new Rectangle2D.Double(60, 280, 840, 200));
        subtitle.setText(cover.round() + " · " + cover.organisationName());
        subtitle.addNewTextParagraph().addNewTextRun().setText("Met the target on " + report.standardsMet() + " of "
                + report.standards().size() + " standards; " + cover.records() + " records from " + cover.teams()
                + " teams.");
        subtitle.addNewTextParagraph().addNewTextRun().setText("Other organisations appear only by code; their "
                + "counts from 1 to 7 are hidden and others rounded to 5.");
    }

    private static void summarySlide(XMLSlideShow show, OrganisationReport report) {
        XSLFSlide slide = titled(show, "Summary");
        XSLFTable table = slide.createTable();
        table.setAnchor(new Rectangle2D.Double(40, 100, 880, 40));
        row(table, true, "Standard", "Target", "Your organisation", "All organisations", "Difference");
        for (StandardRow s : report.standards()) {
            row(table, false, s.id() + ": " + s.text(), s.targetPercent() + "%", withRecords(s.own()),
                    s.nationalPercent(), s.difference());
        }
        double[] widths = {400, 80, 150, 140, 110};
        for (int c = 0; c < widths.length; c++) {
            table.setColumnWidth(c, widths[c]);
        }
    }

    /** Every organisation that may be shown; the national share is the red line. */
    private static List<Bar> organisationBars(StandardRow standard) {
        return standard.shownPeers().stream()
                .map(p -> new Bar(p.alias(), p.percent(), p.share(), p.own(), false)).toList();
    }

    /** The organisation's teams, then the organisation and the nation to compare them with. */
    private static List<Bar> teamBars(StandardRow standard) {
        List<Bar> bars = new ArrayList<>();
        standard.teams().stream().filter(t -> t.figures().share() != null).forEach(t -> bars.add(
                new Bar("Team " + t.team(), t.figures().percent(), t.figures().share(), false, false)));
        bars.add(new Bar(Reports.OWN_NAME, standard.own().percent(), orZero(standard.own().share()), true, false));
        if (standard.nationalShown()) {
            bars.add(new Bar("All organisations", standard.nationalPercent(), orZero(standard.nationalShare()),
                    false, true));
        }
        return bars;
    }

    /** Each round: the organisation's share, then the nation's. */
    private static List<Bar> trendBars(StandardRow standard) {
        List<Bar> bars = new ArrayList<>();
        for (OrganisationReport.Trend round : standard.trend()) {
            String name = "Round " + round.number();
            if (round.own() != null && round.own().share() != null) {
                bars.add(new Bar(name + ": yours", round.ownPercent(), round.own().share(), true, false));
            }
            if (round.national() != null) {
                bars.add(new Bar(name + ": all", round.nationalPercent(), orZero(round.nationalShare()), false, true));
            }
        }
        return bars;
    }

    private static String teamDescription(StandardRow standard) {
        return standard.id() + ": share of records meeting the standard in each of your teams. "
                + String.join(", ", standard.teams().stream()
                        .map(t -> "Team " + t.team() + " " + t.figures().percent() + " (" + t.figures().records() + ")")
                        .toList())
                + ". Your organisation " + standard.own().percent() + ", all organisations "
                + standard.nationalPercent() + ".";
    }

    /** As many slides as the bars need, each with the chart, the key figures and the chart's description. */
    private static void barSlides(XMLSlideShow show, String title, StandardRow standard,
            List<Bar> bars, String description, Double nationalLine) {
        int pages = Math.max(1, (bars.size() + BARS_PER_SLIDE - 1) / BARS_PER_SLIDE);
        for (int page = 0; page < pages; page++) {
            List<Bar> onPage = bars.subList(page * BARS_PER_SLIDE, Math.min(bars.size(), (page + 1) * BARS_PER_SLIDE));
            XSLFSlide slide = titled(show, title + (pages == 1 ? "" : " (" + (page + 1) + " of " + pages + ")"));
            chart(slide, onPage, nationalLine, description);
            keyFigures(slide, standard);
            text(slide, new Rectangle2D.Double(40, 478, 880, 56), standard.text() + ". " + description, 9, false, GREY);
        }
    }

    private static void keyFigures(XSLFSlide slide, StandardRow standard) {
        double x = CHART.getMaxX() + 20;
        text(slide, new Rectangle2D.Double(x, 112, 260, 90), "Your organisation\n" + withRecords(standard.own()), 16,
                false, DARK);
        text(slide, new Rectangle2D.Double(x, 206, 260, 70), "All organisations (red)\n"
                + (standard.nationalShown() ? withRecords(standard.national()) : OrganisationReport.WITHHELD), 16, false,
                NATIONAL);
        text(slide, new Rectangle2D.Double(x, 280, 260, 70), "Difference\n" + standard.difference(), 16, false,
                Color.BLACK);
        text(slide, new Rectangle2D.Double(x, 354, 260, 50), "Target " + standard.targetPercent() + "%", 16, false,
                Color.BLACK);
    }

    /** "68% (27 of 40)", or "no records" where the standard applies to none. */
    private static String withRecords(OrganisationReport.Exact figures) {
        return figures.denominator() == 0 ? "no records" : figures.percent() + " (" + figures.records() + ")";
    }

    private static double orZero(Double share) {
        return share == null ? 0 : share;
    }
}
