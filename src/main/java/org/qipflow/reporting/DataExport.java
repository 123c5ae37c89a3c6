package org.qipflow.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.CsvTemplate;
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

    /** UTF-8 with a byte-order mark, so Excel opens it with the right characters. */
    @Transactional(readOnly = true)
    public byte[] csv(long cycleId, String organisationCode) {
        AuditDefinition definition = records.definitionOf(cycleId);
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(CsvTemplate.columns(definition)
                .toArray(String[]::new)).get().print(out)) {
            for (AuditRecord record : records.list(cycleId, organisationCode)) {
                printer.printRecord(row(definition, record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Transactional(readOnly = true)
    public byte[] xlsx(long cycleId, String organisationCode) {
        AuditDefinition definition = records.definitionOf(cycleId);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Records");
            write(sheet, 0, CsvTemplate.columns(definition));
            int r = 1;
            for (AuditRecord record : records.list(cycleId, organisationCode)) {
                write(sheet, r++, row(definition, record));
            }
            Sheet figures = workbook.createSheet("Figures");
            write(figures, 0, List.of("Standard", "Wording", "Records meeting it", "Records it applies to", "Share",
                    "All organisations"));
            r = 1;
            for (OrganisationReport.StandardRow s : reports.forOrganisation(cycleId, organisationCode).standards()) {
                write(figures, r++, List.of(s.id(), s.text(), String.valueOf(s.own().numerator()),
                        String.valueOf(s.own().denominator()), s.own().percent(), s.national().percent()));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(AuditDefinition definition, AuditRecord record) {
        List<String> row = new ArrayList<>(List.of(record.teamCode(), record.pseudonym()));
        definition.fields().forEach(f -> row.add(record.answers().getOrDefault(f.name(), "")));
        return row;
    }

    private static void write(Sheet sheet, int index, List<String> values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
        }
    }
}
