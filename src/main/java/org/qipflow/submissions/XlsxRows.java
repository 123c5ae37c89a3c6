package org.qipflow.submissions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an Excel workbook as rows of text, read as a stream of XML from the file so a
 * large workbook never sits in memory whole: numbers as stored (not as displayed), dates as ISO dates,
 * text as typed. Reading stops as soon as the sheet has more rows than allowed, and no part of the
 * workbook may unpack to more than {@value #MOST_UNPACKED_MB} MB; POI's own check refuses parts that
 * unpack at a ratio only a zip bomb has (more than 100 times their packed size).
 */
final class XlsxRows {

    static final int MOST_UNPACKED_MB = 100;

    static {
        ZipSecureFile.setMaxEntrySize(MOST_UNPACKED_MB * 1024L * 1024);
    }

    /** The sheet has more data rows than an upload may have. */
    static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** The header's cells, and each non-empty row after it by lower-case column name, numbered as Excel numbers rows. */
    record Sheet(List<String> header, List<RecordCsvReader.SourceRow> rows) {
    }

    private XlsxRows() {
    }

    /**
     * @throws TooManyRows past {@code mostRows} data rows
     * @throws IOException when the workbook cannot be read, or unpacks to too much
     */
    static Sheet read(Path file, int mostRows) throws IOException {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return new Sheet(List.of(), List.of());
            }
            try (InputStream sheet = sheets.next()) {
                SheetHandler handler = new SheetHandler(strings, styles, mostRows);
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(handler);
                xml.parse(new InputSource(sheet));
                return new Sheet(handler.header, handler.rows);
            }
        } catch (TooManyRows | IOException e) {
            throw e;
        } catch (Exception e) {
            // not well-formed XML, a missing part: the workbook is damaged
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The cells of {@code <sheetData>}: {@code <row r><c r t s><v>…</v> or <is><t>…</t></is></c></row>}. */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final int mostRows;
        private final List<String> header = new ArrayList<>();
        private final List<RecordCsvReader.SourceRow> rows = new ArrayList<>();
        private final StringBuilder value = new StringBuilder();
        private Map<Integer, String> cells = new HashMap<>();
        private int rowNumber;
        private int cellColumn;
        private String cellType;
        private int cellStyle;
        private boolean inValue;
        private boolean headerRead;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, int mostRows) {
            this.strings = strings;
            this.styles = styles;
            this.mostRows = mostRows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    cells = new HashMap<>();
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                }
                case "c" -> {
                    String reference = attributes.getValue("r");
                    cellColumn = reference == null ? cells.size() : new CellReference(reference).getCol();
                    cellType = attributes.getValue("t");
                    String style = attributes.getValue("s");
                    cellStyle = style == null ? -1 : Integer.parseInt(style);
                    value.setLength(0);
                }
                case "v", "t" -> inValue = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> cells.put(cellColumn, text().trim());
                case "row" -> endRow();
                default -> {
                }
            }
        }

        private void endRow() {
            if (!headerRead) {
                int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                for (int c = 0; c < width; c++) {
                    header.add(cells.getOrDefault(c, ""));
                }
                headerRead = true;
                return;
            }
            if (cells.values().stream().allMatch(String::isBlank)) {
                return;
            }
            if (rows.size() == mostRows) {
                throw new TooManyRows();
            }
            Map<String, String> byName = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byName.put(header.get(c).toLowerCase(Locale.ROOT), cells.getOrDefault(c, ""));
            }
            rows.add(new RecordCsvReader.SourceRow(rowNumber, byName));
        }

        /** The cell as text: shared or inline strings as typed, numbers as stored, dates as ISO dates. */
        private String text() {
            String raw = value.toString();
            if (cellType == null || cellType.equals("n")) {
                return raw.isEmpty() ? "" : number(Double.parseDouble(raw));
            }
            return switch (cellType) {
                case "s" -> strings.getItemAt(Integer.parseInt(raw)).getString();
                case "b" -> raw.equals("1") ? "TRUE" : "FALSE";
                default -> raw; // inline strings, formula results as text, errors such as #N/A
            };
        }

        private String number(double number) {
            if (cellStyle >= 0 && cellStyle < styles.getNumCellStyles()) {
                XSSFCellStyle style = styles.getStyleAt(cellStyle);
                if (DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString())
                        && DateUtil.isValidExcelDate(number)) {
                    LocalDateTime moment = DateUtil.getLocalDateTime(number);
                    return moment.toLocalDate().toString();
                }
            }
            // the stored number, not its display: a cell formatted "0" must not round 150.5 to 151
            return NumberToTextConverter.toText(number);
        }
    }
}
