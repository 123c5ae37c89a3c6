package org.qipflow.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.qipflow.common.SpreadsheetText;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.CsvTemplate;
import org.qipflow.definitions.FieldType;
import org.qipflow.submissions.AuditRecord;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organisation's own records, and in Excel its own figures too, in the upload columns. */
@Service
public class DataExport {

    private final RecordService records;
    private final Reports reports;

    DataExport(RecordService records, Reports reports) {
        this.records = records;
        this.reports = reports;
    }

    /**
     * UTF-8 with a byte-order mark, so Excel opens it with the right characters; text that a spreadsheet
     * would take for a formula is written as text (see {@link SpreadsheetText}).
     */
    @Transactional(readOnly = true)
    public byte[] csv(long cycleId, String organisationCode) {
        AuditDefinition definition = records.definitionOf(cycleId);
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(CsvTemplate.columns(definition)
                .toArray(String[]::new)).get().print(out)) {
            for (AuditRecord record : records.list(cycleId, organisationCode)) {
                List<String> values = row(definition, record);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < values.size(); c++) {
                    // a number such as -3 is a number to a spreadsheet, not a formula
                    cells.add(columnType(definition, c).numeric() ? values.get(c)
                            : SpreadsheetText.neutralised(values.get(c)));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The organisation's records and figures as a workbook: numbers and dates as Excel values, not
     * text, shares as fractions formatted as percentages, the header row frozen and columns sized to
     * their contents.
     */
    @Transactional(readOnly = true)
    public byte[] xlsx(long cycleId, String organisationCode) {
        AuditDefinition definition = records.definitionOf(cycleId);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Cells cells = new Cells(workbook);
            Sheet sheet = workbook.createSheet("Records");
            List<String> columns = CsvTemplate.columns(definition);
            cells.header(sheet, columns);
            int r = 1;
            for (AuditRecord record : records.list(cycleId, organisationCode)) {
                Row row = sheet.createRow(r++);
                List<String> values = row(definition, record);
                for (int c = 0; c < values.size(); c++) {
                    FieldType type = columnType(definition, c);
                    cells.value(row, c, type, values.get(c));
                }
            }
            cells.finish(sheet);
            Sheet figures = workbook.createSheet("Figures");
            cells.header(figures, List.of("Standard", "Wording", "Who", "Records meeting it", "Records it applies to",
                    "Share", "Target"));
            r = 1;
            for (StandardRow s : reports.forOrganisation(cycleId, organisationCode).standards()) {
                r = cells.figure(figures, r, s, Reports.OWN_NAME, s.own());
                for (OrganisationReport.Team team : s.teams()) {
                    r = cells.figure(figures, r, s, "Team " + team.team(), team.figures());
                }
                r = cells.figure(figures, r, s, "All organisations", s.national());
            }
            cells.finish(figures);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writing cells of the right type, and remembering how wide each column needs to be. */
    private static final class Cells {

        private static final int MOST_CHARACTERS = 60;

        private final CellStyle bold;
        private final CellStyle percent;
        private final CellStyle date;
        private final Map<Integer, Integer> widths = new HashMap<>();

        Cells(XSSFWorkbook workbook) {
            bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }

        void header(Sheet sheet, List<String> titles) {
            widths.clear();
            Row row = sheet.createRow(0);
            for (int c = 0; c < titles.size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(titles.get(c));
                cell.setCellStyle(bold);
                fit(c, titles.get(c).length());
            }
            sheet.createFreezePane(0, 1);
        }

        void value(Row row, int column, FieldType type, String text) {
            Cell cell = row.createCell(column);
            fit(column, text.length());
            if (text.isEmpty()) {
                cell.setBlank();
            } else if (type.numeric()) {
                cell.setCellValue(new BigDecimal(text).doubleValue());
            } else if (type == FieldType.DATE) {
                cell.setCellValue(LocalDate.parse(text));
                cell.setCellStyle(date);
                fit(column, 10);
            } else {
                cell.setCellValue(text);
            }
        }

        /** @param figures null where withheld from this organisation */
        int figure(Sheet sheet, int index, StandardRow standard, String who,
                OrganisationReport.Exact figures) {
            Row row = sheet.createRow(index);
            value(row, 0, FieldType.TEXT, standard.id());
            value(row, 1, FieldType.TEXT, standard.text());
            value(row, 2, FieldType.TEXT, who);
            if (figures == null) {
                value(row, 3, FieldType.TEXT, OrganisationReport.WITHHELD);
                return index + 1;
            }
            row.createCell(3).setCellValue(figures.numerator());
            row.createCell(4).setCellValue(figures.denominator());
            Cell share = row.createCell(5);
            if (figures.denominator() > 0) {
                share.setCellValue((double) figures.numerator() / figures.denominator());
                share.setCellStyle(percent);
            } else {
                share.setBlank();
            }
            Cell target = row.createCell(6);
            target.setCellValue(standard.targetPercent() / 100.0);
            target.setCellStyle(percent);
            return index + 1;
        }

        /** Widths in characters, a little over the longest value, never wider than a screen's worth. */
        void finish(Sheet sheet) {
            widths.forEach((column, characters) -> sheet.setColumnWidth(column,
                    (Math.min(characters, MOST_CHARACTERS) + 2) * 256));
        }

        private void fit(int column, int characters) {
            widths.merge(column, characters, Math::max);
        }
    }

    /** The type of column c of a record row: team and pseudonym, then the definition's fields. */
    private static FieldType columnType(AuditDefinition definition, int c) {
        return c < 2 ? FieldType.TEXT : definition.fields().get(c - 2).type();
    }

    private static List<String> row(AuditDefinition definition, AuditRecord record) {
        List<String> row = new ArrayList<>(List.of(record.teamCode(), record.pseudonym()));
        definition.fields().forEach(f -> row.add(record.answers().getOrDefault(f.name(), "")));
        return row;
    }

}
