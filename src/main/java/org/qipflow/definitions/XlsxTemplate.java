package org.qipflow.definitions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Excel template of a definition: the upload columns on the first sheet, with drop-down lists
 * for yes/no and single-choice columns, and a Help sheet describing every column.
 */
public final class XlsxTemplate {

    /** Rows that get the drop-downs; uploads are read to the last filled row whatever this is. */
    static final int ROWS_WITH_LISTS = 20_000;

    private XlsxTemplate() {
    }

    public static byte[] of(AuditDefinition definition) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet records = workbook.createSheet("Records");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = records.createRow(0);
            List<String> columns = CsvTemplate.columns(definition);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
                header.getCell(c).setCellStyle(bold);
                records.setColumnWidth(c, Math.max(12, columns.get(c).length() + 2) * 256);
            }
            records.createFreezePane(0, 1);
            // team, pseudonym and text answers as text, so Excel does not turn "1-2" into a date
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (int c = 0; c < columns.size(); c++) {
                boolean textColumn = c < 2 || definition.fields().get(c - 2).type() == FieldType.TEXT;
                if (textColumn) {
                    records.setDefaultColumnStyle(c, text);
                }
            }
            DataValidationHelper validations = records.getDataValidationHelper();
            for (int c = 2; c < columns.size(); c++) {
                Field field = definition.fields().get(c - 2);
                String[] answers = switch (field.type()) {
                    case YESNO -> new String[] {"yes", "no"};
                    case CHOICE -> field.options().stream().map(Option::value).toArray(String[]::new);
                    default -> null;
                };
                if (answers != null) {
                    DataValidation list = validations.createValidation(validations.createExplicitListConstraint(answers),
                            new CellRangeAddressList(1, ROWS_WITH_LISTS, c, c));
                    list.setShowErrorBox(true);
                    list.createErrorBox("Not an answer", "Choose one of: " + String.join(", ", answers));
                    records.addValidationData(list);
                }
            }
            help(workbook.createSheet("Help"), definition, bold);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void help(Sheet help, AuditDefinition definition, CellStyle bold) {
        String[] titles = {"Column", "Question", "Type", "Required", "Asked when", "Answers", "Help"};
        Row header = help.createRow(0);
        for (int c = 0; c < titles.length; c++) {
            header.createCell(c).setCellValue(titles[c]);
            header.getCell(c).setCellStyle(bold);
        }
        row(help, 1, CsvTemplate.TEAM, "Your team's code, as registered", "text", "yes", "", "", "");
        row(help, 2, CsvTemplate.PSEUDONYM, "The patient's local pseudonym (never a name or NHS number)", "text",
                "yes", "", "", "Up to 20 letters, digits or dashes, unique within the team");
        int r = 3;
        for (Field f : definition.fields()) {
            String answers = f.options().isEmpty() ? (f.type() == FieldType.YESNO ? "yes, no" : "")
                    : String.join(", ", f.options().stream().map(Option::value).toList())
                            + (f.type() == FieldType.MULTICHOICE ? " (several separated by |)" : "");
            String range = f.min() == null && f.max() == null ? "" : " from " + plain(f.min()) + " to " + plain(f.max());
            row(help, r++, f.name(), f.label(), f.type().key() + range, f.required() ? "yes" : "no",
                    f.askedWhen() == null ? "" : f.askedWhen(), answers, f.help() == null ? "" : f.help());
        }
        for (int c = 0; c < titles.length; c++) {
            help.setColumnWidth(c, (c == 1 || c == 6 ? 60 : 22) * 256);
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "any" : value.stripTrailingZeros().toPlainString();
    }
}
