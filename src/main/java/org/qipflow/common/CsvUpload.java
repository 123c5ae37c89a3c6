package org.qipflow.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Opens CSV as Excel writes it: UTF-8 with or without a byte-order mark (anything else is refused,
 * not misread), comma or semicolon separated, a header row whose names are matched loosely
 * ("Local lead email" = {@code local_lead_email}; "Pseudonym" = {@code pseudonym}). Rows are read one
 * at a time, so large files stream.
 */
public final class CsvUpload {

    private CsvUpload() {
    }

    /** @param snakeCase turn "Local lead email" into local_lead_email; either way names match in any case */
    public static CSVParser open(InputStream input, boolean snakeCase) throws IOException {
        BufferedReader reader = utf8Reader(input);
        reader.mark(64 * 1024);
        String firstLine = reader.readLine();
        reader.reset();
        char delimiter = firstLine != null && count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader(header(firstLine, delimiter, snakeCase))
                .setIgnoreHeaderCase(true)
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
                .get()
                .parse(reader);
    }

    /** The cell, or "" when the row is short or the column absent. */
    public static String value(CSVRecord record, String column) {
        return column != null && record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    /** The reason a file could not be read, as one problem at the row where reading stopped. */
    public static RowProblem unreadable(int row, Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new RowProblem(row, null, null,
                    "the file is not UTF-8 text; in Excel use Save As > 'CSV UTF-8 (Comma delimited)'");
        }
        if (cause instanceof LimitedInputStream.TooLargeException) {
            return new RowProblem(row, null, null, cause.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return new RowProblem(1, null, null, "the header row could not be read: " + e.getMessage());
        }
        return new RowProblem(row, null, null, "the file could not be read as CSV: " + cause.getMessage());
    }

    private static String[] header(String firstLine, char delimiter, boolean snakeCase) throws IOException {
        if (firstLine == null) {
            return new String[0];
        }
        try (CSVParser header = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get()
                .parse(new StringReader(firstLine))) {
            List<CSVRecord> records = header.getRecords();
            if (records.isEmpty()) {
                return new String[0];
            }
            return records.get(0).stream().map(name -> {
                String trimmed = name.trim();
                return snakeCase ? trimmed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_") : trimmed;
            }).toArray(String[]::new);
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
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                64 * 1024);
    }
}
