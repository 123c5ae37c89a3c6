package org.qipflow.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Service;

/**
 * The editable action-planning template (.docx): one row for each standard the organisation falls
 * short of, with empty columns for the action, its owner, the deadline and how progress is measured.
 */
@Service
public class ActionPlan {

    static final List<String> COLUMNS = List.of("Standard", "Your result", "Target", "Action", "Owner", "Deadline",
            "How progress will be measured");

    private final Reports reports;

    ActionPlan(Reports reports) {
        this.reports = reports;
    }

    public byte[] forOrganisation(long cycleId, String cycleTitle, String organisationCode, String organisationName) {
        List<OrganisationReport.StandardRow> shortfalls = reports.forOrganisation(cycleId, organisationCode)
                .standards().stream().filter(OrganisationReport.StandardRow::shortOfTarget).toList();
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(document, "Action plan: " + cycleTitle, true, 16);
            paragraph(document, organisationName, false, 11);
            paragraph(document, shortfalls.isEmpty()
                    ? "Your organisation met the target of every standard. Record here any action to keep it so."
                    : "The standards below are where your organisation fell short of the target. For each, agree an "
                            + "action, who owns it, by when, and how you will know it worked.", false, 11);
            XWPFTable table = document.createTable(1, COLUMNS.size());
            XWPFTableRow header = table.getRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.getCell(c).setText(COLUMNS.get(c));
            }
            for (OrganisationReport.StandardRow s : shortfalls) {
                XWPFTableRow row = table.createRow();
                row.getCell(0).setText(s.id() + ": " + s.text());
                row.getCell(1).setText(s.own().percent() + " (" + s.own().numerator() + " of " + s.own().denominator() + ")");
                row.getCell(2).setText(s.target() == null ? "" : s.target() + "%");
            }
            if (shortfalls.isEmpty()) {
                table.createRow();
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument document, String text, boolean bold, int size) {
        XWPFParagraph paragraph = document.createParagraph();
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
    }
}
