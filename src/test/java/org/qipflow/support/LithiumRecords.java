package org.qipflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Lithium-monitoring records for tests: a CSV file, the same as a workbook, one record's answers. */
public final class LithiumRecords {

    private LithiumRecords() {
    }

    public static final String HEADER = "team,pseudonym,age,lithiumStartedInLastYear,baselineRenal,baselineThyroid,"
            + "baselineWeight,serumLithiumLast3Months,lastLithiumLevel,renalLast6Months,thyroidLast6Months\n";
    public static final String GOOD = HEADER
            + "T01,P001,54,no,,,,yes,0.6,yes,yes\n"
            + "t02,p002,61,yes,yes,yes,no,no,,yes,no\n";


    /**
     * An upload of {@code records} records in teams T01 and T02 by turns, renal and thyroid function
     * measured in each, a serum level in the first {@code serumMeasured}.
     */
    public static String csv(int records, int serumMeasured) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < records; i++) {
            csv.append(i % 2 == 0 ? "T01" : "T02").append(",P").append(i).append(",50,no,,,,")
                    .append(i < serumMeasured ? "yes,0.6" : "no,").append(",yes,yes\n");
        }
        return csv.toString();
    }

    /** A workbook as Excel saves it: the header, then rows; a date cell and a numeric cell among them. */
    public static byte[] workbook(String[]... rows) throws IOException {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Records");
            String[] header = HEADER.trim().split(",");
            var first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    String value = rows[r][c];
                    if (value.matches("\\d+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    public static Map<String, String> lithium(String started, String baseline, String serum, String renal, String thyroid) {
        Map<String, String> record = new HashMap<>(Map.of("age", "50", "lithiumStartedInLastYear", started,
                "serumLithiumLast3Months", serum, "renalLast6Months", renal, "thyroidLast6Months", thyroid));
        if (started.equals("yes")) {
            record.putAll(Map.of("baselineRenal", baseline, "baselineThyroid", "yes", "baselineWeight", "yes"));
        }
        return record;
    }
}
