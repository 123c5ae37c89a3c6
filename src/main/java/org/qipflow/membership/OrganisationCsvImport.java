package org.qipflow.membership;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.qipflow.common.CsvUpload;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.RejectedFileException;
import org.qipflow.common.RowProblem;
import org.springframework.stereotype.Component;

/**
 * Reads organisations from CSV as Excel writes it: UTF-8 with or without a byte-order mark, comma
 * or semicolon separated, a header row naming the columns in any order. Every row is checked
 * before anything is returned, so the caller stores all rows or none.
 */
@Component
class OrganisationCsvImport {

    /** CSV column for each field, in the order the template lists them. */
    static final Map<String, String> COLUMNS = columns();

    private static final String OPTIONAL_COLUMN = "membership_ends";

    List<OrganisationDetails> read(InputStream input, LocalDate today) {
        List<RowProblem> problems = new ArrayList<>();
        List<OrganisationDetails> rows = new ArrayList<>();
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        int row = 1;
        try (CSVParser parser = CsvUpload.open(input, true)) {
            checkHeader(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                row++;
                try {
                    OrganisationDetails details = OrganisationValidator.validate(input(record), today);
                    Integer earlier = firstRowOfCode.putIfAbsent(details.code(), row);
                    if (earlier != null) {
                        problems.add(new RowProblem(row, "code", details.code(),
                                "this code is already in row " + earlier + "; give each organisation one row"));
                    }
                    rows.add(details);
                } catch (InvalidInputException e) {
                    for (FieldProblem p : e.problems()) {
                        String column = COLUMNS.get(p.field());
                        problems.add(new RowProblem(row, column, CsvUpload.value(record, column), p.message()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new RejectedFileException(List.of(CsvUpload.unreadable(row + 1, e)));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(2, null, null, "the file has a header row but no organisations"));
        }
        if (!problems.isEmpty()) {
            throw new RejectedFileException(problems);
        }
        return rows;
    }

    private static void checkHeader(List<String> header) {
        List<RowProblem> problems = new ArrayList<>();
        for (String column : COLUMNS.values()) {
            if (!column.equals(OPTIONAL_COLUMN) && !header.contains(column)) {
                problems.add(new RowProblem(1, column, null, "the column is missing; the first row must name "
                        + "the columns " + String.join(", ", COLUMNS.values())));
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedFileException(problems);
        }
    }

    private static OrganisationInput input(CSVRecord record) {
        return new OrganisationInput(CsvUpload.value(record, "code"), CsvUpload.value(record, "name"),
                CsvUpload.value(record, "nation"), CsvUpload.value(record, "type"),
                CsvUpload.value(record, "local_lead_name"), CsvUpload.value(record, "local_lead_email"),
                CsvUpload.value(record, "local_lead_job_title"), CsvUpload.value(record, OPTIONAL_COLUMN));
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(OrganisationValidator.CODE, "code");
        columns.put(OrganisationValidator.NAME, "name");
        columns.put(OrganisationValidator.NATION, "nation");
        columns.put(OrganisationValidator.TYPE, "type");
        columns.put(OrganisationValidator.LEAD_NAME, "local_lead_name");
        columns.put(OrganisationValidator.LEAD_EMAIL, "local_lead_email");
        columns.put(OrganisationValidator.LEAD_JOB_TITLE, "local_lead_job_title");
        columns.put(OrganisationValidator.MEMBERSHIP_ENDS, OPTIONAL_COLUMN);
        return Collections.unmodifiableMap(columns);
    }
}
