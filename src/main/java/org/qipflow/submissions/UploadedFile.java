package org.qipflow.submissions;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An upload kept in a temporary file while it is read, so that a workbook can be opened without
 * inflating all of it in memory, and what kind of file it really is, whatever its name says. Files
 * qipflow cannot read are refused with a sentence saying what the file is and what to upload instead.
 */
final class UploadedFile implements Closeable {

    /** The most an upload may be, checked while it is copied, before anything reads it. */
    static final long MOST_BYTES = 20L * 1024 * 1024;

    enum Kind { TEXT, XLSX, MACRO_WORKBOOK, ENCRYPTED, OLD_EXCEL, OPENDOCUMENT, WORD, POWERPOINT, OTHER_ZIP, PDF, DAMAGED }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] PDF_START = {'%', 'P', 'D', 'F'};

    private final Path path;
    private final String name;
    private final Kind kind;

    private UploadedFile(Path path, String name) {
        this.path = path;
        this.name = name;
        this.kind = kindOf(path);
    }

    /**
     * Copies the upload to a temporary file.
     *
     * @param name as the lead's computer called it, or null (an API upload)
     * @throws FileProblem when it is larger than {@value #MOST_BYTES} bytes; nothing is kept then
     */
    static UploadedFile copyOf(InputStream in, String name) {
        Path path = null;
        try {
            path = Files.createTempFile("qipflow-upload-", ".tmp");
            try (OutputStream out = Files.newOutputStream(path)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > MOST_BYTES) {
                        throw new FileProblem(describe(name) + " is larger than 20 MB: split it into smaller files and "
                                + "upload each");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new UploadedFile(path, name);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(path);
            if (e instanceof FileProblem problem) {
                throw problem;
            }
            throw new FileProblem(describe(name) + " could not be received in full: upload it again");
        }
    }

    Path path() {
        return path;
    }

    /** "records.xlsx", or "The file" when the name is not known. */
    String description() {
        return describe(name);
    }

    /** What the file is, from its first bytes and, for zip archives and Office's older files, their contents. */
    Kind kind() {
        return kind;
    }

    private static Kind kindOf(Path path) {
        byte[] start = start(path);
        if (startsWith(start, ZIP)) {
            return zipKind(path);
        }
        if (startsWith(start, OLE2)) {
            try (POIFSFileSystem container = new POIFSFileSystem(path.toFile(), true)) {
                return container.getRoot().hasEntry("EncryptedPackage") ? Kind.ENCRYPTED : Kind.OLD_EXCEL;
            } catch (IOException | RuntimeException e) {
                return Kind.DAMAGED;
            }
        }
        return startsWith(start, PDF_START) ? Kind.PDF : Kind.TEXT;
    }

    /**
     * Why the file cannot be read as records, in the lead's words; empty for a workbook or a text file
     * that qipflow reads (a text file named as a workbook is refused: it was renamed by mistake).
     */
    Optional<String> refusal() {
        String file = description();
        String lowerName = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (kind) {
            case TEXT -> lowerName.endsWith(".xlsx") || lowerName.endsWith(".xls") || lowerName.endsWith(".xlsm")
                    ? file + " is a text file, not an Excel workbook, although its name says so: save it from Excel as "
                            + "an Excel Workbook (.xlsx), or give it a .csv name if it is a CSV file"
                    : null;
            case XLSX -> null;
            case MACRO_WORKBOOK -> file + " contains macros, which qipflow does not accept: in Excel use File > Save As "
                    + "> Excel Workbook (.xlsx) and upload that copy";
            case ENCRYPTED -> file + " is protected with a password, so it cannot be read: in Excel remove the password "
                    + "(File > Info > Protect Workbook > Encrypt with Password), save it and upload it again";
            case OLD_EXCEL -> file + " is in the old Excel format (.xls): in Excel use File > Save As > Excel Workbook "
                    + "(.xlsx) and upload that";
            case OPENDOCUMENT -> file + " is an OpenDocument spreadsheet: save it as an Excel Workbook (.xlsx) or as "
                    + "CSV and upload that";
            case WORD -> file + " is a Word document, not a spreadsheet: upload the Excel template with your records, "
                    + "or a CSV file";
            case POWERPOINT -> file + " is a PowerPoint file, not a spreadsheet: upload the Excel template with your "
                    + "records, or a CSV file";
            case OTHER_ZIP -> file + " is a zip archive, not an Excel workbook: upload the workbook (.xlsx) or CSV file "
                    + "itself";
            case PDF -> file + " is a PDF, not a spreadsheet: upload the Excel template with your records, or a CSV "
                    + "file";
            case DAMAGED -> file + " cannot be opened: it looks like an Excel workbook but is damaged or incomplete; "
                    + "save it again from Excel and upload the new copy";
        });
    }

    private static Kind zipKind(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            // the names are read from the archive's directory: nothing is unpacked but the small content types
            if (zip.getEntry("xl/vbaProject.bin") != null || declaresMacros(zip)) {
                return Kind.MACRO_WORKBOOK;
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return Kind.XLSX;
            }
            if (zip.getEntry("word/document.xml") != null) {
                return Kind.WORD;
            }
            if (zip.getEntry("ppt/presentation.xml") != null) {
                return Kind.POWERPOINT;
            }
            return zip.getEntry("mimetype") != null && zip.getEntry("content.xml") != null ? Kind.OPENDOCUMENT
                    : Kind.OTHER_ZIP;
        } catch (IOException e) {
            return Kind.DAMAGED;
        }
    }

    /** A macro-enabled workbook (.xlsm) says so in its content types, with or without macros in it yet. */
    private static boolean declaresMacros(ZipFile zip) throws IOException {
        var types = zip.getEntry("[Content_Types].xml");
        if (types == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(types)) {
            return new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8)
                    .contains("macroEnabled");
        }
    }

    private static byte[] start(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(OLE2.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String describe(String name) {
        return name == null || name.isBlank() ? "The file" : name.strip();
    }

    @Override
    public void close() {
        deleteQuietly(path);
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // the temporary folder is cleared by the system in the end
            }
        }
    }

    /** The whole file is refused, for the one reason given. */
    static final class FileProblem extends RuntimeException {

        FileProblem(String message) {
            super(message);
        }
    }
}
