package org.qipflow.interventions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.qipflow.common.InvalidInputException;

/**
 * A file for the catalogue: a PDF, a Word document or a PowerPoint presentation, recognised by what it
 * contains rather than by its name, so that what leads download opens in the program it claims.
 */
record InterventionFile(String name, String contentType, byte[] bytes) {

    /** The most a file may be: leaflets and slide sets with pictures fit well within it. */
    static final int MOST_BYTES = 20 * 1024 * 1024;

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static final String FIELD = "file";

    /** @param name as the coordinator's computer called it */
    static InterventionFile read(String name, InputStream in) {
        String shown = baseName(name);
        byte[] bytes;
        try {
            bytes = in.readNBytes(MOST_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInputException(FIELD, shown + " could not be received in full: upload it again");
        }
        if (bytes.length == 0) {
            throw new InvalidInputException(FIELD, name == null || name.isBlank()
                    ? "Choose the file to upload, or give a link instead" : shown + " is empty: choose the file again");
        }
        if (bytes.length > MOST_BYTES) {
            throw new InvalidInputException(FIELD, shown + " is larger than 20 MB: make it smaller (compress its "
                    + "pictures) or put it on a website and give its link instead");
        }
        String type = typeOf(bytes, shown);
        return new InterventionFile(withExtension(shown, type), type, bytes);
    }

    private static String typeOf(byte[] bytes, String shown) {
        if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            return PDF;
        }
        Zip zip = Zip.of(bytes);
        if (zip.damaged()) {
            throw new InvalidInputException(FIELD, shown + " could not be opened: save it again as a PDF, Word document "
                    + "(.docx) or PowerPoint presentation (.pptx), or give a link to it instead");
        }
        if (zip.macros()) {
            throw new InvalidInputException(FIELD, shown + " contains macros, which qipflow does not pass on to "
                    + "members: save it without macros (.docx or .pptx) and upload that copy");
        }
        if (zip.names().contains("word/document.xml")) {
            return DOCX;
        }
        if (zip.names().contains("ppt/presentation.xml")) {
            return PPTX;
        }
        throw new InvalidInputException(FIELD, shown + " is not a PDF, Word document (.docx) or PowerPoint "
                + "presentation (.pptx): save it as one of those, or give a link to it instead");
    }

    /**
     * What a zip holds, read from its central directory as Office reads it: the entries' names in lower
     * case (Office ignores case in part names) and whether any part or declared content type is a macro.
     */
    private record Zip(Set<String> names, boolean macros, boolean damaged) {

        static Zip of(byte[] bytes) {
            if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
                return new Zip(Set.of(), false, false);
            }
            Path copy = null;
            try {
                copy = Files.createTempFile("qipflow-intervention-", ".zip");
                Files.write(copy, bytes);
                try (ZipFile zip = new ZipFile(copy.toFile())) {
                    Set<String> names = new HashSet<>();
                    boolean macros = false;
                    for (ZipEntry entry : Collections.list(zip.entries())) {
                        String name = entry.getName().toLowerCase(Locale.ROOT);
                        names.add(name);
                        macros |= name.contains("vbaproject");
                    }
                    ZipEntry types = zip.getEntry("[Content_Types].xml");
                    if (types != null) {
                        try (InputStream in = zip.getInputStream(types)) {
                            String declared = new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8)
                                    .toLowerCase(Locale.ROOT);
                            macros |= declared.contains("macroenabled") || declared.contains("vbaproject");
                        }
                    }
                    return new Zip(names, macros, false);
                }
            } catch (IOException | RuntimeException e) {
                return new Zip(Set.of(), false, true);
            } finally {
                if (copy != null) {
                    try {
                        Files.deleteIfExists(copy);
                    } catch (IOException e) {
                        copy.toFile().deleteOnExit();
                    }
                }
            }
        }
    }

    /** The name without any folder a browser sent with it, at most 200 characters. */
    private static String baseName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.isEmpty() ? "The file" : base.length() > 200 ? base.substring(0, 200) : base;
    }

    /** The name with the extension its content has, so it opens in the right program. */
    private static String withExtension(String name, String type) {
        String extension = type.equals(PDF) ? ".pdf" : type.equals(DOCX) ? ".docx" : ".pptx";
        return name.toLowerCase(Locale.ROOT).endsWith(extension) ? name : name + extension;
    }
}
