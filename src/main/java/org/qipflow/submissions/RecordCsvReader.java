package org.qipflow.submissions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.qipflow.common.CsvUpload;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.RejectedFileException;
import org.qipflow.common.RowProblem;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.CheckedRecord;
import org.qipflow.definitions.CsvTemplate;
import org.qipflow.definitions.RecordChecker;
import org.springframework.stereotype.Component;

/**
 * Reads an upload of records row by row and checks every row before anything is stored. Problems are
 * collected for the whole file, up to a limit, so a lead fixes them in one go.
 */
@Component
class RecordCsvReader {

    static final int MOST_PROBLEMS = 500;

    record ParsedRow(int row, String team, String pseudonym, Map<String, Object> values) {
    }

    List<ParsedRow> read(AuditDefinition definition, Collection<String> teams, InputStream file) {
        List<RowProblem> problems = new ArrayList<>();
        List<ParsedRow> rows = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        int row = 1;
        try (CSVParser parser = CsvUpload.open(file, false)) {
            checkHeader(definition, parser.getHeaderNames());
            for (CSVRecord record : parser) {
                row++;
                if (problems.size() >= MOST_PROBLEMS) {
                    break;
                }
                String team = CsvUpload.value(record, CsvTemplate.TEAM);
                String pseudonym = CsvUpload.value(record, CsvTemplate.PSEUDONYM);
                List<FieldProblem> identity = RecordService.identity(team, pseudonym, teams);
                Map<String, String> answers = new HashMap<>();
                definition.fields().forEach(f -> answers.put(f.name(), CsvUpload.value(record, f.name())));
                CheckedRecord checked = RecordChecker.check(definition, answers);
                for (FieldProblem p : identity) {
                    problems.add(new RowProblem(row, p.field(), CsvUpload.value(record, p.field()), p.message()));
                }
                for (FieldProblem p : checked.errors()) {
                    problems.add(new RowProblem(row, p.field(), p.field() == null ? null : answers.get(p.field()),
                            p.message()));
                }
                if (identity.isEmpty()) {
                    String key = RecordService.normalise(team) + "/" + RecordService.normalise(pseudonym);
                    Integer earlier = firstRow.putIfAbsent(key, row);
                    if (earlier != null) {
                        problems.add(new RowProblem(row, CsvTemplate.PSEUDONYM, pseudonym, "team "
                                + RecordService.normalise(team) + " already has this pseudonym in row " + earlier
                                + "; give each patient one row"));
                    } else if (checked.valid()) {
                        rows.add(new ParsedRow(row, RecordService.normalise(team), RecordService.normalise(pseudonym),
                                checked.values()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new RejectedFileException(List.of(CsvUpload.unreadable(row + 1, e)));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(2, null, null, "the file has a header row but no records"));
        }
        if (!problems.isEmpty()) {
            throw new RejectedFileException(problems);
        }
        return rows;
    }

    private static void checkHeader(AuditDefinition definition, List<String> header) {
        List<String> columns = CsvTemplate.columns(definition);
        List<String> given = header.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
        List<String> known = columns.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList();
        List<RowProblem> problems = new ArrayList<>();
        for (String column : columns) {
            if (!given.contains(column.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(new RowProblem(1, column, null, "the column is missing; download the template for "
                        + "the columns: " + String.join(", ", columns)));
            }
        }
        for (String name : header) {
            if (!name.isEmpty() && !known.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(new RowProblem(1, name, null, "this audit has no such column; the columns are: "
                        + String.join(", ", columns)));
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedFileException(problems);
        }
    }
}
