package org.qipflow.reporting;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.sl.usermodel.Insets2D;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.sl.usermodel.StrokeStyle;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFConnectorShape;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFShapeContainer;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTGroupShape;
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
    private static final Color DARK = new Color(0x0b, 0x3b, 0x5c);
    private static final Color LIGHT = new Color(0x8e, 0xb8, 0xdc);
    private static final Color NATIONAL = new Color(0xd4, 0x35, 0x1c);
    private static final Color GREY = new Color(0x50, 0x5a, 0x5f);
    /** Where a chart goes: labels on the left, bars, then room for the value. */
    private static final Rectangle2D CHART = new Rectangle2D.Double(40, 112, 620, 360);
    private static final double LABEL_WIDTH = 170;
    private static final double BAR_WIDTH = 380;
    private static final double AXIS_HEIGHT = 30;
    private static final double LABEL_POINTS = 11;
    /** The thinnest row a label of {@value #LABEL_POINTS} points fits in without touching its neighbours. */
    static final double MIN_ROW = 17;
    private static final double MAX_ROW = 30;
    /** Bars on one slide: as many as fit at the thinnest row. */
    static final int BARS_PER_SLIDE = (int) ((CHART.getHeight() - AXIS_HEIGHT) / MIN_ROW);

    /** One labelled bar. */
    record Bar(String label, String value, double share, boolean highlighted, boolean national) {
    }

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
            for (OrganisationReport.StandardRow standard : report.standards()) {
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
        for (OrganisationReport.StandardRow s : report.standards()) {
            row(table, false, s.id() + ": " + s.text(), s.targetPercent() + "%", withRecords(s.own()),
                    s.nationalPercent(), s.difference());
        }
        double[] widths = {400, 80, 150, 140, 110};
        for (int c = 0; c < widths.length; c++) {
            table.setColumnWidth(c, widths[c]);
        }
    }

    /** Every organisation that may be shown; the national share is the red line. */
    private static List<Bar> organisationBars(OrganisationReport.StandardRow standard) {
        return standard.shownPeers().stream()
                .map(p -> new Bar(p.alias(), p.percent(), p.share(), p.own(), false)).toList();
    }

    /** The organisation's teams, then the organisation and the nation to compare them with. */
    private static List<Bar> teamBars(OrganisationReport.StandardRow standard) {
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
    private static List<Bar> trendBars(OrganisationReport.StandardRow standard) {
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

    private static String teamDescription(OrganisationReport.StandardRow standard) {
        return standard.id() + ": share of records meeting the standard in each of your teams. "
                + String.join(", ", standard.teams().stream()
                        .map(t -> "Team " + t.team() + " " + t.figures().percent() + " (" + t.figures().records() + ")")
                        .toList())
                + ". Your organisation " + standard.own().percent() + ", all organisations "
                + standard.nationalPercent() + ".";
    }

    /** As many slides as the bars need, each with the chart, the key figures and the chart's description. */
    private static void barSlides(XMLSlideShow show, String title, OrganisationReport.StandardRow standard,
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

    /** Horizontal bars with their labels, a percentage axis, and the national share as a dashed line. */
    private static void chart(XSLFSlide slide, List<Bar> bars, Double nationalLine, String description) {
        XSLFGroupShape chart = slide.createGroup();
        chart.setAnchor(CHART);
        chart.setInteriorAnchor(CHART);
        alternativeText(chart, description);
        double row = Math.max(MIN_ROW, Math.min(MAX_ROW, (CHART.getHeight() - AXIS_HEIGHT) / Math.max(bars.size(), 1)));
        double left = CHART.getX() + LABEL_WIDTH;
        double axisY = CHART.getY() + row * bars.size() + 4;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = CHART.getY() + i * row;
            Color colour = bar.highlighted() ? DARK : bar.national() ? NATIONAL : LIGHT;
            text(chart, new Rectangle2D.Double(CHART.getX(), top, LABEL_WIDTH - 6, row), bar.label(), LABEL_POINTS,
                    bar.highlighted(), Color.BLACK).getTextParagraphs().get(0).setTextAlign(TextParagraph.TextAlign.RIGHT);
            XSLFAutoShape shape = chart.createAutoShape();
            shape.setShapeType(ShapeType.RECT);
            shape.setAnchor(new Rectangle2D.Double(left, top + row * 0.15, Math.max(barWidth(bar), 0.75), row * 0.7));
            shape.setFillColor(colour);
            shape.setLineColor(null);
        }
        line(chart, left, CHART.getY(), left, axisY, Color.BLACK, false);
        line(chart, left, axisY, left + BAR_WIDTH, axisY, Color.BLACK, false);
        for (int tick = 0; tick <= 100; tick += 25) {
            double x = left + BAR_WIDTH * tick / 100;
            line(chart, x, axisY, x, axisY + 4, Color.BLACK, false);
            text(chart, new Rectangle2D.Double(x - 25, axisY + 4, 50, 18), tick + "%", 9, false, GREY)
                    .getTextParagraphs().get(0).setTextAlign(TextParagraph.TextAlign.CENTER);
        }
        if (nationalLine != null) {
            double x = left + BAR_WIDTH * nationalLine / 100;
            line(chart, x, CHART.getY(), x, axisY, NATIONAL, true);
        }
        // the values last, on a white ground, so the national line never runs through one
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            XSLFTextBox value = text(chart, new Rectangle2D.Double(left + barWidth(bar) + 3,
                    CHART.getY() + i * row + (row - MIN_ROW) / 2, bar.value().length() * 8.0 + 10, MIN_ROW), bar.value(),
                    LABEL_POINTS, bar.highlighted(), Color.BLACK);
            value.setWordWrap(false);
            value.setFillColor(Color.WHITE);
        }
    }

    private static double barWidth(Bar bar) {
        return BAR_WIDTH * bar.share() / 100;
    }

    private static void keyFigures(XSLFSlide slide, OrganisationReport.StandardRow standard) {
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

    /** A slide from the master's "Title Only" layout, so its title is the slide's title for readers and outlines. */
    private static XSLFSlide titled(XMLSlideShow show, String title) {
        XSLFSlide slide = show.createSlide(layout(show, SlideLayout.TITLE_ONLY));
        XSLFTextShape placeholder = slide.getPlaceholder(0);
        placeholder.setAnchor(new Rectangle2D.Double(40, 20, 880, 76));
        placeholder.clearText();
        XSLFTextRun run = placeholder.addNewTextParagraph().addNewTextRun();
        run.setText(title);
        run.setFontSize(26.0);
        run.setBold(true);
        return slide;
    }

    private static XSLFSlideLayout layout(XMLSlideShow show, SlideLayout kind) {
        return show.getSlideMasters().get(0).getLayout(kind);
    }

    /** The description a screen reader gives for the chart (the shape's "alt text"). */
    private static void alternativeText(XSLFGroupShape chart, String description) {
        var properties = ((CTGroupShape) chart.getXmlObject()).getNvGrpSpPr().getCNvPr();
        properties.setName("Chart");
        properties.setDescr(description);
    }

    private static void row(XSLFTable table, boolean header, String... cells) {
        XSLFTableRow row = table.addRow();
        for (String value : cells) {
            XSLFTextRun run = row.addCell().setText(value);
            run.setFontSize(header ? 13.0 : 12.0);
            run.setBold(header);
        }
    }

    private static XSLFTextBox text(XSLFShapeContainer container, Rectangle2D anchor, String value, double size,
            boolean bold, Color colour) {
        XSLFTextBox box = container.createTextBox();
        box.setAnchor(anchor);
        box.setWordWrap(true);
        box.setInsets(new Insets2D(1, 2, 1, 2));
        box.setVerticalAlignment(VerticalAlignment.MIDDLE);
        String[] lines = value.split("\n");
        for (int i = 0; i < lines.length; i++) {
            XSLFTextRun run = (i == 0 ? box.getTextParagraphs().get(0) : box.addNewTextParagraph()).addNewTextRun();
            run.setText(lines[i]);
            run.setFontSize(size);
            run.setBold(bold || i > 0);
            run.setFontColor(colour);
        }
        return box;
    }

    private static void line(XSLFShapeContainer container, double x1, double y1, double x2, double y2, Color colour,
            boolean dashed) {
        XSLFConnectorShape line = container.createConnector();
        line.setAnchor(new Rectangle2D.Double(x1, y1, x2 - x1, y2 - y1));
        line.setLineColor(colour);
        line.setLineWidth(dashed ? 2 : 1);
        if (dashed) {
            line.setLineDash(StrokeStyle.LineDash.DASH);
        }
    }

    /** "68% (27 of 40)", or "no records" where the standard applies to none. */
    private static String withRecords(OrganisationReport.Exact figures) {
        return figures.denominator() == 0 ? "no records" : figures.percent() + " (" + figures.records() + ")";
    }

    private static double orZero(Double share) {
        return share == null ? 0 : share;
    }
}
