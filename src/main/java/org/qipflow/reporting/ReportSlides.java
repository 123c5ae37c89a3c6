package org.qipflow.reporting;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.sl.usermodel.StrokeStyle;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFConnectorShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.springframework.stereotype.Service;

/**
 * A slide set (.pptx) for local teams: a title, the summary table and, for each standard, the
 * organisations side by side as columns (own column dark and labelled, national share as a line)
 * with the key figures. Drawn as native shapes, so teams can restyle it; like every other output for
 * a lead, it names no other organisation.
 */
@Service
public class ReportSlides {

    private static final Dimension SIZE = new Dimension(960, 540);
    private static final Color DARK = new Color(0x0b, 0x3b, 0x5c);
    private static final Color LIGHT = new Color(0x8e, 0xb8, 0xdc);
    private static final Color NATIONAL = new Color(0xd4, 0x35, 0x1c);
    private static final Color GREY = new Color(0x50, 0x5a, 0x5f);
    private static final Rectangle2D CHART = new Rectangle2D.Double(60, 130, 560, 340);

    private final Reports reports;

    ReportSlides(Reports reports) {
        this.reports = reports;
    }

    public byte[] forOrganisation(long cycleId, String cycleTitle, String organisationCode, String organisationName) {
        OrganisationReport report = reports.forOrganisation(cycleId, organisationCode);
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.setPageSize(SIZE);
            titleSlide(show.createSlide(), cycleTitle, organisationName, report);
            summarySlide(show.createSlide(), report);
            for (OrganisationReport.StandardRow standard : report.standards()) {
                standardSlide(show.createSlide(), standard);
            }
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void titleSlide(XSLFSlide slide, String cycleTitle, String organisationName,
            OrganisationReport report) {
        text(slide, new Rectangle2D.Double(60, 150, 840, 90), "Results of " + cycleTitle, 36, true, Color.BLACK);
        text(slide, new Rectangle2D.Double(60, 250, 840, 40), organisationName, 24, false, DARK);
        text(slide, new Rectangle2D.Double(60, 320, 840, 120), "Met the target on " + report.standardsMet() + " of "
                + report.standards().size() + " standards. Other organisations appear only as columns or by code; "
                + "counts from 1 to 7 are hidden and others rounded to 5.", 16, false, GREY);
    }

    private static void summarySlide(XSLFSlide slide, OrganisationReport report) {
        text(slide, new Rectangle2D.Double(40, 24, 880, 50), "Summary", 28, true, Color.BLACK);
        XSLFTable table = slide.createTable();
        table.setAnchor(new Rectangle2D.Double(40, 90, 880, 40));
        row(table, true, "Standard", "Target", "Your organisation", "All organisations");
        for (OrganisationReport.StandardRow s : report.standards()) {
            row(table, false, s.id() + ": " + s.text(), (s.target() == null ? 100 : s.target()) + "%",
                    s.own().percent() + " (" + s.own().numerator() + " of " + s.own().denominator() + ")",
                    s.national().percent());
        }
        double[] widths = {520, 100, 140, 120};
        for (int c = 0; c < widths.length; c++) {
            table.setColumnWidth(c, widths[c]);
        }
    }

    private static void standardSlide(XSLFSlide slide, OrganisationReport.StandardRow standard) {
        text(slide, new Rectangle2D.Double(40, 20, 880, 90), standard.id() + ": " + standard.text(), 22, true,
                Color.BLACK);
        BarChart chart = standard.chart();
        List<OrganisationReport.Peer> shown = standard.shownPeers();
        double width = CHART.getWidth() / Math.max(shown.size(), 1);
        for (int i = 0; i < shown.size(); i++) {
            OrganisationReport.Peer peer = shown.get(i);
            double height = CHART.getHeight() * peer.share() / 100;
            XSLFAutoShape column = slide.createAutoShape();
            column.setShapeType(ShapeType.RECT);
            column.setAnchor(new Rectangle2D.Double(CHART.getX() + i * width + width * 0.1,
                    CHART.getMaxY() - height, width * 0.8, Math.max(height, 0.5)));
            column.setFillColor(peer.own() ? DARK : LIGHT);
            column.setLineColor(null);
            if (peer.own()) {
                text(slide, new Rectangle2D.Double(CHART.getX() + i * width - 40, CHART.getMaxY() - height - 28,
                        width + 80, 24), peer.percent(), 14, true, DARK).getTextParagraphs().get(0)
                        .setTextAlign(TextParagraph.TextAlign.CENTER);
            }
        }
        line(slide, CHART.getX(), CHART.getMaxY(), CHART.getMaxX(), CHART.getMaxY(), Color.BLACK, false);
        Double national = standard.national().share();
        if (national != null) {
            double y = CHART.getMaxY() - CHART.getHeight() * national / 100;
            line(slide, CHART.getX(), y, CHART.getMaxX(), y, NATIONAL, true);
        }
        double x = CHART.getMaxX() + 30;
        text(slide, new Rectangle2D.Double(x, 130, 280, 110), "Your organisation\n" + standard.own().percent() + " ("
                + standard.own().numerator() + " of " + standard.own().denominator() + " records)", 18, false, DARK);
        text(slide, new Rectangle2D.Double(x, 240, 280, 80), "All organisations (red line)\n"
                + standard.national().percent(), 18, false, NATIONAL);
        text(slide, new Rectangle2D.Double(x, 320, 280, 60), "Target " + (standard.target() == null ? 100
                : standard.target()) + "%", 18, false, Color.BLACK);
        text(slide, new Rectangle2D.Double(40, 480, 880, 50), chart.description(), 10, false, GREY);
    }

    private static void row(XSLFTable table, boolean header, String... cells) {
        XSLFTableRow row = table.addRow();
        for (String value : cells) {
            XSLFTextRun run = row.addCell().setText(value);
            run.setFontSize(header ? 14.0 : 12.0);
            run.setBold(header);
        }
    }

    private static XSLFTextBox text(XSLFSlide slide, Rectangle2D anchor, String value, double size, boolean bold,
            Color colour) {
        XSLFTextBox box = slide.createTextBox();
        box.setAnchor(anchor);
        box.setWordWrap(true);
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

    private static void line(XSLFSlide slide, double x1, double y1, double x2, double y2, Color colour,
            boolean dashed) {
        XSLFConnectorShape line = slide.createConnector();
        line.setAnchor(new Rectangle2D.Double(x1, y1, x2 - x1, y2 - y1));
        line.setLineColor(colour);
        line.setLineWidth(2);
        if (dashed) {
            line.setLineDash(StrokeStyle.LineDash.DASH);
        }
    }
}
