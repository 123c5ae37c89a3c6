package org.qipflow.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opens qipflow's files with software nobody here wrote, as their readers will: poppler's
 * {@code pdftotext}, python-docx, openpyxl, Python's email parser with icalendar (Debian's packages),
 * and LibreOffice. A file one of
 * them cannot open fails the test. Where a tool is missing the test is skipped, saying which;
 * {@code .ci/run} installs them all.
 */
public final class OtherReaders {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path WORK = Path.of("target", "other-readers");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OtherReaders() {
    }

    /** The text of a PDF as poppler lays it out: a table's row on one line, its cells side by side. */
    public static String pdfText(byte[] pdf) {
        Path file = write("report.pdf", pdf);
        return run(List.of(tool("pdftotext", "poppler-utils"), "-layout", file.toString(), "-"), 60);
    }

    /** The text of a PDF block by block, as a screen reader would meet it: a table cell's lines together. */
    public static String pdfTextInReadingOrder(byte[] pdf) {
        Path file = write("form.pdf", pdf);
        return run(List.of(tool("pdftotext", "poppler-utils"), file.toString(), "-"), 60);
    }

    /** What python-docx sees: page set-up, paragraphs, tables (see {@code office/docx_facts.py}). */
    public static JsonNode docx(byte[] docx) {
        return python("docx_facts.py", write("plan.docx", docx), "python3-docx", "import docx");
    }

    /**
     * What Python's email parser and the icalendar package see in a message as sent: its headers, its
     * parts and any calendar in them (see {@code office/mail_facts.py}).
     */
    public static JsonNode mail(byte[] message) {
        return python("mail_facts.py", write("message.eml", message), "python3-icalendar", "import icalendar");
    }

    /** What the icalendar package sees in a calendar feed: its method and events. */
    public static JsonNode calendar(String ics) {
        return python("mail_facts.py", write("feed.ics", ics.getBytes(StandardCharsets.UTF_8)), "python3-icalendar",
                "import icalendar");
    }

    /** What openpyxl sees: each sheet's frozen panes, column widths and typed cells (see {@code office/xlsx_facts.py}). */
    public static JsonNode xlsx(byte[] xlsx) {
        return python("xlsx_facts.py", write("data.xlsx", xlsx), "python3-openpyxl", "import openpyxl");
    }

    /**
     * Each file opened by LibreOffice and printed to PDF, as text: one start of LibreOffice for all.
     *
     * @param files by name, with the extension that tells LibreOffice what they are
     */
    public static Map<String, String> libreOfficeText(Map<String, byte[]> files) {
        String soffice = tool("soffice", "libreoffice-writer-nogui, libreoffice-impress-nogui, libreoffice-calc-nogui");
        Path out = WORK.resolve("libreoffice");
        List<String> command = new ArrayList<>(List.of(soffice, "--headless", "--norestore",
                "-env:UserInstallation=" + WORK.resolve("libreoffice-profile").toAbsolutePath().toUri(),
                "--convert-to", "pdf", "--outdir", out.toString()));
        files.forEach((name, bytes) -> command.add(write(name, bytes).toString()));
        run(command, 180);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : files.keySet()) {
            Path pdf = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
            if (!Files.exists(pdf)) {
                throw new AssertionError("LibreOffice could not open " + name);
            }
            try {
                texts.put(name, pdfText(Files.readAllBytes(pdf)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    private static JsonNode python(String script, Path file, String debianPackage, String check) {
        assumeTrue(Files.isExecutable(PYTHON), "Debian's python3 is missing: apt-get install " + debianPackage);
        assumeTrue(exitCode(List.of(PYTHON.toString(), "-c", check)) == 0,
                "The Python module is missing: apt-get install " + debianPackage);
        Path copy = WORK.resolve(script);
        try (InputStream in = OtherReaders.class.getResourceAsStream("/office/" + script)) {
            Files.write(copy, in.readAllBytes());
            return JSON.readTree(run(List.of(PYTHON.toString(), copy.toString(), file.toString()), 60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tool(String name, String debianPackage) {
        Path path = Path.of("/usr/bin", name);
        assumeTrue(Files.isExecutable(path), name + " is missing: apt-get install " + debianPackage);
        return path.toString();
    }

    private static Path write(String name, byte[] bytes) {
        try {
            Files.createDirectories(WORK);
            Path file = WORK.resolve(name);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int exitCode(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Runs the command and returns what it printed; a non-zero exit fails the test with its output. */
    private static String run(List<String> command, int seconds) {
        try {
            Path errors = Files.createTempFile(Files.createDirectories(WORK), "stderr", ".txt");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within " + seconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + Files.readString(errors));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
