package org.qipflow.membership;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
        try (BufferedReader reader = utf8Reader(input); CSVParser parser = format(reader).parse(reader)) {
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
                        problems.add(new RowProblem(row, column, value(record, column), p.message()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
            String reason = cause instanceof CharacterCodingException
                    ? "the file is not UTF-8 text; in Excel use Save As > 'CSV UTF-8 (Comma delimited)'"
                    : "the file could not be read as CSV: " + cause.getMessage();
            throw new RejectedFileException(List.of(new RowProblem(row + 1, null, null, reason)));
        } catch (IllegalArgumentException e) {
            throw new RejectedFileException(List.of(new RowProblem(1, null, null,
                    "the header row could not be read: " + e.getMessage())));
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
        return new OrganisationInput(value(record, "code"), value(record, "name"), value(record, "nation"),
                value(record, "type"), value(record, "local_lead_name"), value(record, "local_lead_email"),
                value(record, "local_lead_job_title"), value(record, OPTIONAL_COLUMN));
    }

    private static String value(CSVRecord record, String column) {
        return column != null && record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    private static CSVFormat format(BufferedReader reader) throws IOException {
        reader.mark(64 * 1024);
        String firstLine = reader.readLine();
        reader.reset();
        char delimiter = firstLine != null && count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setIgnoreHeaderCase(false)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_EMPTY)
                .setHeader(normalisedHeader(firstLine, delimiter))
                .get();
    }

    /** "Local lead email" and "local_lead_email" name the same column. */
    private static String[] normalisedHeader(String firstLine, char delimiter) throws IOException {
        if (firstLine == null) {
            return new String[0];
        }
        try (CSVParser header = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get()
                .parse(new java.io.StringReader(firstLine))) {
            List<CSVRecord> records = header.getRecords();
            if (records.isEmpty()) {
                return new String[0];
            }
            return records.get(0).stream()
                    .map(name -> name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"))
                    .toArray(String[]::new);
        }
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    private static BufferedReader utf8Reader(InputStream input) throws IOException {
        PushbackInputStream in = new PushbackInputStream(input, 3);
        byte[] start = in.readNBytes(3);
        boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF;
        if (!bom) {
            in.unread(start);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
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
        return java.util.Collections.unmodifiableMap(columns);
    }
}
