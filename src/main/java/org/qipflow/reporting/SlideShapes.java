package org.qipflow.reporting;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
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

/**
 * The shapes a slide set is drawn with: slides titled from the master's layouts, text boxes, lines,
 * tables, and the bar chart — horizontal bars of native shapes, each labelled with its name and value,
 * on a percentage axis, described for screen readers.
 */
final class SlideShapes {

    static final Color DARK = new Color(0x0b, 0x3b, 0x5c);
    static final Color LIGHT = new Color(0x8e, 0xb8, 0xdc);
    static final Color NATIONAL = new Color(0xd4, 0x35, 0x1c);
    static final Color GREY = new Color(0x50, 0x5a, 0x5f);
    /** Where a chart goes: labels on the left, bars, then room for the value. */
    static final Rectangle2D CHART = new Rectangle2D.Double(40, 112, 620, 360);
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

    private SlideShapes() {
    }

    /** Horizontal bars with their labels, a percentage axis, and the national share as a dashed line. */
    static void chart(XSLFSlide slide, List<Bar> bars, Double nationalLine, String description) {
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

    /** A slide from the master's "Title Only" layout, so its title is the slide's title for readers and outlines. */
    static XSLFSlide titled(XMLSlideShow show, String title) {
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

    static XSLFSlideLayout layout(XMLSlideShow show, SlideLayout kind) {
        return show.getSlideMasters().get(0).getLayout(kind);
    }

    /** The description a screen reader gives for the chart (the shape's "alt text"). */
    private static void alternativeText(XSLFGroupShape chart, String description) {
        var properties = ((CTGroupShape) chart.getXmlObject()).getNvGrpSpPr().getCNvPr();
        properties.setName("Chart");
        properties.setDescr(description);
    }

    static void row(XSLFTable table, boolean header, String... cells) {
        XSLFTableRow row = table.addRow();
        for (String value : cells) {
            XSLFTextRun run = row.addCell().setText(value);
            run.setFontSize(header ? 13.0 : 12.0);
            run.setBold(header);
        }
    }

    static XSLFTextBox text(XSLFShapeContainer container, Rectangle2D anchor, String value, double size,
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
}
