package org.qipflow.interventions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
        Set<String> entries = entries(bytes);
        if (entries.contains("word/vbaProject.bin") || entries.contains("ppt/vbaProject.bin")) {
            throw new InvalidInputException(FIELD, shown + " contains macros, which qipflow does not pass on to "
                    + "members: save it without macros (.docx or .pptx) and upload that copy");
        }
        if (entries.contains("word/document.xml")) {
            return DOCX;
        }
        if (entries.contains("ppt/presentation.xml")) {
            return PPTX;
        }
        throw new InvalidInputException(FIELD, shown + " is not a PDF, Word document (.docx) or PowerPoint "
                + "presentation (.pptx): save it as one of those, or give a link to it instead");
    }

    /** The names of a zip's entries; none when it is not a zip. */
    private static Set<String> entries(byte[] bytes) {
        Set<String> names = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        } catch (IOException | IllegalArgumentException e) {
            return names;
        }
        return names;
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
