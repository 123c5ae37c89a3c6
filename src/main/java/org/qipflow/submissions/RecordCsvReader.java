package org.qipflow.submissions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.qipflow.common.CsvUpload;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.RejectedFileException;
import org.qipflow.common.RowProblem;
import org.qipflow.common.SpreadsheetText;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.CheckedRecord;
import org.qipflow.definitions.CsvTemplate;
import org.qipflow.definitions.PersonalDataGuard;
import org.qipflow.definitions.RecordChecker;
import org.springframework.stereotype.Component;

/**
 * Reads an upload of records, CSV or Excel (.xlsx, recognised by its content), row by row, and
 * checks every row before anything is stored. Problems are collected for the whole file, up to a
 * limit, so a lead fixes them in one go.
 */
@Component
class RecordCsvReader {

    static final int MOST_PROBLEMS = 500;
    /** Far more than one organisation's records in one audit; a file with more is refused before checking. */
    static final int MOST_ROWS = 50_000;

    record ParsedRow(int row, String team, String pseudonym, Map<String, Object> values) {
    }

    /** One row of the file, its cells by lower-case column name. */
    record SourceRow(int row, Map<String, String> cells) {

        /** The cell trimmed, and without the apostrophe an export put before a value that looks like a formula. */
        String get(String column) {
            String value = cells.get(column.toLowerCase(Locale.ROOT));
            return value == null ? "" : SpreadsheetText.restored(value.trim());
        }
    }

    /**
     * Reads the file's rows, then checks them: a file that is not CSV or an Excel workbook, or that has
     * more than {@value #MOST_ROWS} records, is refused with one sentence before any row is checked.
     */
    List<ParsedRow> read(AuditDefinition definition, Collection<String> teams, UploadedFile file) {
        Optional<String> refusal = file.refusal();
        if (refusal.isPresent()) {
            throw refused(refusal.get());
        }
        try {
            if (file.kind() == UploadedFile.Kind.XLSX) {
                XlsxRows.Sheet sheet = XlsxRows.read(file.path(), MOST_ROWS);
                return check(definition, teams, sheet.header(), sheet.rows());
            }
            try (InputStream in = Files.newInputStream(file.path()); CSVParser parser = CsvUpload.open(in, false)) {
                List<String> header = parser.getHeaderNames();
                List<SourceRow> rows = new ArrayList<>();
                int row = 1;
                for (CSVRecord record : parser) {
                    row++;
                    if (rows.size() == MOST_ROWS) {
                        throw new XlsxRows.TooManyRows();
                    }
                    Map<String, String> cells = new HashMap<>();
                    for (String column : header) {
                        cells.put(column.toLowerCase(Locale.ROOT), CsvUpload.value(record, column));
                    }
                    rows.add(new SourceRow(row, cells));
                }
                return check(definition, teams, header, rows);
            }
        } catch (XlsxRows.TooManyRows e) {
            throw refused(file.description() + " has more than " + String.format(Locale.UK, "%,d", MOST_ROWS)
                    + " records, the most one file may have: split it, for example by team, and upload each part");
        } catch (IOException e) {
            if (file.kind() == UploadedFile.Kind.XLSX) {
                throw refused(e.getMessage() != null && e.getMessage().contains("Zip bomb")
                        ? file.description() + " unpacks to far more data than records take: save it again from Excel "
                                + "as a new workbook, or as CSV, and upload that"
                        : file.description() + " cannot be opened: it looks like an Excel workbook but is damaged or "
                                + "incomplete; save it again from Excel and upload the new copy");
            }
            throw new RejectedFileException(List.of(CsvUpload.unreadable(1, e)));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new RejectedFileException(List.of(CsvUpload.unreadable(1, e)));
        }
    }

    private static RejectedFileException refused(String sentence) {
        return new RejectedFileException(List.of(RowProblem.wholeFile(sentence)));
    }

    private List<ParsedRow> check(AuditDefinition definition, Collection<String> teams, List<String> header,
            List<SourceRow> source) {
        checkHeader(definition, header);
        List<RowProblem> problems = new ArrayList<>();
        List<ParsedRow> rows = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        int lastRow = 1;
        for (Iterator<SourceRow> next = source.iterator(); next.hasNext() && problems.size() < MOST_PROBLEMS; ) {
            SourceRow record = next.next();
            lastRow = record.row();
            String team = record.get(CsvTemplate.TEAM);
            String pseudonym = record.get(CsvTemplate.PSEUDONYM);
            List<FieldProblem> identity = RecordService.identity(team, pseudonym, teams);
            Map<String, String> answers = new HashMap<>();
            definition.fields().forEach(f -> answers.put(f.name(), record.get(f.name())));
            CheckedRecord checked = RecordChecker.check(definition, answers);
            for (FieldProblem p : identity) {
                problems.add(new RowProblem(record.row(), p.field(), shown(record.get(p.field())), p.message()));
            }
            for (FieldProblem p : checked.errors()) {
                problems.add(new RowProblem(record.row(), p.field(),
                        p.field() == null ? null : shown(answers.get(p.field())), p.message()));
            }
            if (identity.isEmpty()) {
                String key = RecordService.normalise(team) + "/" + RecordService.normalise(pseudonym);
                Integer earlier = firstRow.putIfAbsent(key, record.row());
                if (earlier != null) {
                    problems.add(new RowProblem(record.row(), CsvTemplate.PSEUDONYM, shown(pseudonym), "team "
                            + RecordService.normalise(team) + " already has this pseudonym in row " + earlier
                            + "; give each patient one row"));
                } else if (checked.valid()) {
                    rows.add(new ParsedRow(record.row(), RecordService.normalise(team),
                            RecordService.normalise(pseudonym), checked.values()));
                }
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(lastRow + 1, null, null, "the file has a header row but no records"));
        }
        if (!problems.isEmpty()) {
            throw new RejectedFileException(problems);
        }
        return rows;
    }

    /** A refused value is shown back, unless it looks like personal data: that is never repeated. */
    private static String shown(String value) {
        return PersonalDataGuard.textProblem(value).isPresent() || PersonalDataGuard.pseudonymProblem(value).isPresent()
                ? "" : value;
    }

    private static void checkHeader(AuditDefinition definition, List<String> header) {
        List<String> columns = CsvTemplate.columns(definition);
        List<String> given = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        List<String> known = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<RowProblem> problems = new ArrayList<>();
        for (String column : columns) {
            if (!given.contains(column.toLowerCase(Locale.ROOT))) {
                problems.add(new RowProblem(1, column, null, "the column is missing; download the template for "
                        + "the columns: " + String.join(", ", columns)));
            }
        }
        for (String name : header) {
            if (!name.isEmpty() && !known.contains(name.toLowerCase(Locale.ROOT))) {
                problems.add(new RowProblem(1, name, null, "this audit has no such column; the columns are: "
                        + String.join(", ", columns)));
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedFileException(problems);
        }
    }
}
