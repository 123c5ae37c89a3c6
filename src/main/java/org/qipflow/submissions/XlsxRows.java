package org.qipflow.submissions;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.NumberToTextConverter;

/** The first sheet of an Excel workbook as rows of text, each cell as Excel displays it. */
final class XlsxRows implements Closeable, Iterable<RecordCsvReader.SourceRow> {

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final Workbook workbook;
    private final Sheet sheet;
    private final List<String> header;
    private final DataFormatter formatter = new DataFormatter(Locale.UK);

    private XlsxRows(Workbook workbook) {
        this.workbook = workbook;
        this.sheet = workbook.getSheetAt(0);
        this.header = new ArrayList<>();
        Row first = sheet.getRow(sheet.getFirstRowNum());
        if (first != null) {
            for (int c = 0; c < first.getLastCellNum(); c++) {
                header.add(text(first.getCell(c)));
            }
        }
    }

    /** An .xlsx file is a zip archive: it starts with PK. */
    static boolean isXlsx(BufferedInputStream in) throws IOException {
        in.mark(ZIP.length);
        byte[] start = in.readNBytes(ZIP.length);
        in.reset();
        return java.util.Arrays.equals(start, ZIP);
    }

    static XlsxRows open(InputStream in) throws IOException {
        try {
            return new XlsxRows(WorkbookFactory.create(in));
        } catch (RuntimeException e) {
            throw new IOException("the file is not an Excel workbook (.xlsx) that can be read: " + e.getMessage(), e);
        }
    }

    List<String> header() {
        return header;
    }

    @Override
    public Iterator<RecordCsvReader.SourceRow> iterator() {
        int first = sheet.getFirstRowNum() + 1;
        int last = sheet.getLastRowNum();
        return new Iterator<>() {
            int next = nextNonEmpty(first);

            public boolean hasNext() {
                return next <= last;
            }

            public RecordCsvReader.SourceRow next() {
                Row row = sheet.getRow(next);
                Map<String, String> cells = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    cells.put(header.get(c).toLowerCase(Locale.ROOT), text(row.getCell(c)));
                }
                RecordCsvReader.SourceRow result = new RecordCsvReader.SourceRow(next + 1, cells);
                next = nextNonEmpty(next + 1);
                return result;
            }

            private int nextNonEmpty(int from) {
                int i = from;
                while (i <= last && blank(sheet.getRow(i))) {
                    i++;
                }
                return i;
            }
        };
    }

    private boolean blank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!text(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Dates as ISO dates whatever their display format; everything else as Excel shows it. */
    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            // the stored number, not its display: a cell formatted "0" must not round 150.5 to 151
            return DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : NumberToTextConverter.toText(cell.getNumericCellValue());
        }
        return formatter.formatCellValue(cell).trim();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
