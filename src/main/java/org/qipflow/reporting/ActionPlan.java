package org.qipflow.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.stereotype.Service;

/**
 * The editable action-planning template (.docx): A4 landscape, one row for each standard the
 * organisation fell short of, with columns to fill in for the action, its owner, the deadline and
 * how progress is measured. The table uses Word's own "Table Grid" style with a fixed grid wide
 * enough for the standards' wording, and its header row repeats on every page.
 */
@Service
public class ActionPlan {

    static final List<String> COLUMNS = List.of("Standard", "Your result", "Target", "Action", "Owner", "Deadline",
            "How progress will be measured");
    /** Column widths in twentieths of a point; together the width between the margins. */
    static final int[] WIDTHS = {3800, 1900, 1000, 3000, 1500, 1300, 2070};

    /** A4 landscape in twentieths of a point, with 2 cm margins. */
    private static final int PAGE_WIDTH = 16838;
    private static final int PAGE_HEIGHT = 11906;
    private static final int MARGIN = 1134;
    private static final String TABLE_STYLE = "TableGrid";
    private static final int TABLE_POINTS = 10;
    private static final String HEADING_STYLE = "Heading1";

    private final Reports reports;

    ActionPlan(Reports reports) {
        this.reports = reports;
    }

    /** An action already planned, as the document writes it: one row under its standard. */
    public record Planned(String standardId, String action, String owner, String deadline, String measure) {
    }

    /** The template to fill in: a row for each standard fallen short of, empty. */
    public byte[] forOrganisation(long cycleId, String organisationCode) {
        return forOrganisation(cycleId, organisationCode, List.of());
    }

    /**
     * The plan as it stands: under each standard fallen short of, a row for each action planned for it
     * (one empty row where there is none), then actions for other standards.
     */
    public byte[] forOrganisation(long cycleId, String organisationCode, List<Planned> planned) {
        OrganisationReport report = reports.forOrganisation(cycleId, organisationCode);
        List<StandardRow> shortfalls = report.shortfalls();
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(document);
            landscapeA4(document);
            OrganisationReport.Cover cover = report.cover();
            XWPFParagraph title = paragraph(document, "Action plan: " + cover.programmeCode() + " "
                    + cover.programmeTitle() + ", " + cover.round().toLowerCase(Locale.UK), true, 16);
            title.setStyle(HEADING_STYLE);
            paragraph(document, cover.organisationName(), false, 11);
            paragraph(document, shortfalls.isEmpty()
                    ? "Your organisation met the target of every standard. Record here any action to keep it so."
                    : "The standards below are where your organisation fell short of the target. For each, agree an "
                            + "action, who owns it, by when, and how you will know it worked.", false, 11);
            XWPFTable table = document.createTable(1, COLUMNS.size());
            grid(table);
            XWPFTableRow header = table.getRow(0);
            header.setRepeatHeader(true);
            header.setCantSplitRow(true);
            for (int c = 0; c < COLUMNS.size(); c++) {
                cell(header, c, COLUMNS.get(c), true);
            }
            for (StandardRow s : shortfalls) {
                List<Planned> forStandard = planned.stream().filter(p -> p.standardId().equals(s.id())).toList();
                for (Planned action : forStandard.isEmpty() ? java.util.Collections.<Planned>singletonList(null)
                        : forStandard) {
                    XWPFTableRow row = table.createRow();
                    cell(row, 0, s.id() + ": " + s.text(), false);
                    cell(row, 1, s.own().percent() + " (" + s.own().records() + ")", false);
                    cell(row, 2, s.targetPercent() + "%", false);
                    planned(row, action);
                }
            }
            for (Planned action : planned) {
                if (shortfalls.stream().noneMatch(s -> s.id().equals(action.standardId()))) {
                    XWPFTableRow row = table.createRow();
                    cell(row, 0, action.standardId(), false);
                    planned(row, action);
                }
            }
            if (table.getRows().size() == 1) {
                table.createRow();
            }
            for (XWPFTableRow row : table.getRows()) {
                for (int c = 0; c < WIDTHS.length; c++) {
                    row.getCell(c).setWidth(String.valueOf(WIDTHS[c]));
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void planned(XWPFTableRow row, Planned action) {
        if (action != null) {
            cell(row, 3, action.action(), false);
            cell(row, 4, action.owner(), false);
            cell(row, 5, action.deadline(), false);
            cell(row, 6, action.measure(), false);
        }
    }

    /**
     * Word's built-in "Normal" and "Normal Table" defaults, "Table Grid" (single lines all round) and
     * "Heading 1", so every paragraph and table has the style Word, LibreOffice and python-docx expect.
     */
    private static void styles(XWPFDocument document) {
        CTStyle normal = style(STStyleType.PARAGRAPH, "Normal", "Normal");
        normal.setDefault(STOnOff1.ON);
        CTStyle normalTable = style(STStyleType.TABLE, "TableNormal", "Normal Table");
        normalTable.setDefault(STOnOff1.ON);
        CTStyle grid = style(STStyleType.TABLE, TABLE_STYLE, "Table Grid");
        CTTblBorders borders = grid.addNewTblPr().addNewTblBorders();
        for (CTBorder border : List.of(borders.addNewTop(), borders.addNewLeft(), borders.addNewBottom(),
                borders.addNewRight(), borders.addNewInsideH(), borders.addNewInsideV())) {
            border.setVal(STBorder.SINGLE);
            border.setSz(BigInteger.valueOf(4));
            border.setSpace(BigInteger.ZERO);
            border.setColor("auto");
        }
        CTStyle heading = style(STStyleType.PARAGRAPH, HEADING_STYLE, "heading 1");
        heading.addNewBasedOn().setVal("Normal");
        heading.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
        XWPFStyles styles = document.createStyles();
        // added once complete: the styles part keeps a copy of each
        for (CTStyle style : List.of(normal, normalTable, grid, heading)) {
            styles.addStyle(new XWPFStyle(style, styles));
        }
    }

    private static CTStyle style(STStyleType.Enum type, String id, String name) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setType(type);
        style.setStyleId(id);
        style.addNewName().setVal(name);
        return style;
    }

    private static void landscapeA4(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(MARGIN);
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
        margins.setHeader(BigInteger.valueOf(709));
        margins.setFooter(BigInteger.valueOf(709));
        margins.setGutter(BigInteger.ZERO);
    }

    /** The table style, a fixed layout across the text width, and a grid of the column widths. */
    private static void grid(XWPFTable table) {
        CTTbl ct = table.getCTTbl();
        CTTblPr properties = ct.getTblPr() == null ? ct.addNewTblPr() : ct.getTblPr();
        properties.addNewTblStyle().setVal(TABLE_STYLE);
        if (properties.isSetTblW()) {
            properties.unsetTblW();
        }
        var width = properties.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(PAGE_WIDTH - 2L * MARGIN));
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        if (properties.isSetTblBorders()) {
            properties.unsetTblBorders(); // the style draws them
        }
        CTTblGrid columns = ct.getTblGrid() == null ? ct.addNewTblGrid() : ct.getTblGrid();
        while (columns.sizeOfGridColArray() > 0) {
            columns.removeGridCol(0);
        }
        for (int w : WIDTHS) {
            columns.addNewGridCol().setW(BigInteger.valueOf(w));
        }
    }

    private static void cell(XWPFTableRow row, int column, String text, boolean bold) {
        XWPFRun run = row.getCell(column).getParagraphs().get(0).createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(TABLE_POINTS);
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String text, boolean bold, int size) {
        XWPFParagraph paragraph = document.createParagraph();
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        return paragraph;
    }
}
