package org.qipflow.leadaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.common.RejectedFileException;
import org.qipflow.common.RowProblem;
import org.qipflow.participation.ParticipantRecords;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.submissions.RecordService;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.Http;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Files that are not records, named or not as if they were, and files far too large or too long: each
 * refused with one sentence that says what the file is and what to do, and nothing stored.
 */
@QipflowTest
class WrongFilesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    ParticipationService participation;
    @Autowired
    ParticipantRecords participantRecords;
    @Autowired
    RecordService records;
    @LocalServerPort
    int port;

    Cycle cycle;
    String org;

    @BeforeEach
    void aConfirmedOrganisation() {
        cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        org = fixture.confirmedMember(cycle.id(), "England", "T01, T02");
    }

    /** The one sentence an upload is refused with. */
    private String refusal(byte[] file, String name) {
        RejectedFileException refused = (RejectedFileException) catchThrowable(() ->
                participantRecords.upload(cycle.id(), org, new ByteArrayInputStream(file), name, "test"));
        assertThat(refused).as(name).isNotNull();
        assertThat(refused.problems()).singleElement().extracting(RowProblem::aboutWholeFile).isEqualTo(true);
        assertThat(records.list(cycle.id(), org)).isEmpty();
        return refused.problems().get(0).message();
    }

    @Test
    void aFileThatIsNotAWorkbookOrCsvIsNamedForWhatItIs() throws Exception {
        assertThat(refusal(LithiumRecords.GOOD.getBytes(StandardCharsets.UTF_8), "records.xlsx"))
                .isEqualTo("records.xlsx is a text file, not an Excel workbook, although its name says so: save it from "
                        + "Excel as an Excel Workbook (.xlsx), or give it a .csv name if it is a CSV file");
        assertThat(refusal(zip("notes.txt", "hello"), "records.xlsx"))
                .startsWith("records.xlsx is a zip archive, not an Excel workbook");
        assertThat(refusal(wordDocument(), "records.docx")).startsWith("records.docx is a Word document, not a spreadsheet");
        assertThat(refusal(oldExcel(), "records.xls")).startsWith("records.xls is in the old Excel format (.xls)");
        assertThat(refusal("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), "records.pdf"))
                .startsWith("records.pdf is a PDF");
        assertThat(refusal(encrypted(LithiumRecords.workbook(new String[] {"T01", "P1", "54", "no", "", "", "", "yes",
                "", "yes", "yes"})), "records.xlsx"))
                .startsWith("records.xlsx is protected with a password, so it cannot be read: in Excel remove the password");
        assertThat(refusal(withMacros(LithiumRecords.workbook()), "records.xlsm"))
                .startsWith("records.xlsm contains macros, which qipflow does not accept: in Excel use File > Save As");
        assertThat(refusal("PK\u0003\u0004 cut short".getBytes(StandardCharsets.ISO_8859_1), null))
                .startsWith("The file cannot be opened: it looks like an Excel workbook but is damaged or incomplete");
    }

    @Test
    void aWorkbookBombSentAsCsvToTheApiIsRefusedUnreadAndTheServiceStaysWell() throws Exception {
        byte[] bomb = bomb();
        List<MemoryPoolMXBean> heap = ManagementFactory
                .getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);

        // the API takes text/csv and looks at what the bytes are: a zip is read as a workbook, by streaming
        Http http = Http.anonymous(port);
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(http.url("/api/cycles/" + cycle.id()
                        + "/organisations/" + org + "/records")))
                .header("Authorization", Http.basic(QipflowTest.USER, QipflowTest.PASSWORD))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(bomb)).build());

        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("\"row\":0", "unpacks to far more data than records take");
        assertThat(peak - before).as("memory the 150 MB of packed spaces took (bytes)").isLessThan(100L * 1024 * 1024);
        assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(records.list(cycle.id(), org)).isEmpty();
    }

    @Test
    void aWorkbookThatUnpacksToFarMoreThanRecordsTakeIsRefusedUnread() throws Exception {
        byte[] bomb = bomb();
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThat(refusal(bomb, "records.xlsx")).startsWith("records.xlsx unpacks to far more data than records take");
    }

    /** A workbook whose sheet is 150 MB of spaces, a few hundred kilobytes packed. */
    private static byte[] bomb() throws Exception {
        return replaced(LithiumRecords.workbook(), "xl/worksheets/sheet1.xml", out -> {
            out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 150; i++) {
                out.write(spaces);   // 150 MB of nothing, a few hundred kB packed
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void aFileWithHundredsOfThousandsOfRowsIsRefusedBeforeAnyRowIsChecked() throws Exception {
        StringBuilder csv = new StringBuilder(LithiumRecords.HEADER);
        for (int i = 0; i < 300_000; i++) {
            csv.append("T01,P").append(i).append(",54,no,,,,yes,0.6,yes,yes\n");
        }
        assertThat(refusal(csv.toString().getBytes(StandardCharsets.UTF_8), "all.csv"))
                .isEqualTo("all.csv has more than 50,000 records, the most one file may have: split it, for example by "
                        + "team, and upload each part");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet("Records");
            String[] header = LithiumRecords.HEADER.trim().split(",");
            for (int r = 0; r <= 60_000; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue(r == 0 ? header[0] : "T01");
                row.createCell(1).setCellValue(r == 0 ? header[1] : "P" + r);
            }
            workbook.write(xlsx);
        }
        assertThat(refusal(xlsx.toByteArray(), "all.xlsx")).startsWith("all.xlsx has more than 50,000 records");
    }

    @Test
    void aLeadSeesTheSentenceOnTheFieldItself() throws Exception {
        fixture.fire(fixture.participation(cycle.id(), org), "Timer_SubmissionOpens");
        String submit = fixture.mails(cycle.id(), org).stream().filter(m -> m.template().equals("submission-open"))
                .findFirst().orElseThrow().textBody().replaceAll("(?s).*(/tasks/[A-Za-z0-9_-]{43}).*", "$1");

        mvc.perform(multipart(submit + "/records/upload").file(new MockMultipartFile("file", "records.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        LithiumRecords.GOOD.getBytes(StandardCharsets.UTF_8))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("href=\"#file\""),
                        containsString("records.xlsx is a text file, not an Excel workbook"),
                        not(containsString("Problems in the file")), not(containsString("Exception")))));
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedAtOnceThroughThePageAndTheApi() {
        byte[] big = new byte[25 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        Http http = Http.anonymous(port);

        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(http.url("/api/cycles/" + cycle.id()
                        + "/organisations/" + org + "/records")))
                .header("Authorization", Http.basic(QipflowTest.USER, QipflowTest.PASSWORD))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).contains("The file is larger than 20 MB: split it into smaller files and upload each");

        fixture.fire(fixture.participation(cycle.id(), org), "Timer_SubmissionOpens");
        String submit = fixture.mails(cycle.id(), org).stream().filter(m -> m.template().equals("submission-open"))
                .findFirst().orElseThrow().textBody().replaceAll("(?s).*(/tasks/[A-Za-z0-9_-]{43}).*", "$1");
        Http browser = Http.browser(port);
        String csrf = browser.csrfToken(submit);
        String boundary = "qipflow-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(big);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(browser.url(submit
                        + "/records/upload"))).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("The file is too large", "up to 20 MB", "href=\"" + submit + "#records\"");
        assertThat(records.list(cycle.id(), org)).isEmpty();

        assertThatThrownBy(() -> participantRecords.upload(cycle.id(), org, new ByteArrayInputStream(big), "big.csv",
                "test")).as("a body without a length is stopped at the limit as it is copied")
                .isInstanceOf(RejectedFileException.class).hasMessageContaining("1 problem");
    }

    static byte[] zip(String name, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] wordDocument() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Our records");
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] oldExcel() throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Records").createRow(0).createCell(0).setCellValue("team");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook as Excel saves it with "Encrypt with Password". */
    private static byte[] encrypted(byte[] xlsx) throws Exception {
        try (POIFSFileSystem container = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(xlsx));
                    OutputStream data = encryptor.getDataStream(container)) {
                workbook.save(data);
            }
            container.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** The workbook with a macro project in it, as an .xlsm has. */
    private static byte[] withMacros(byte[] xlsx) throws IOException {
        return replaced(xlsx, "xl/vbaProject.bin", out -> out.write(new byte[] {1, 2, 3}));
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** The zip archive with one entry written anew (or added). */
    private static byte[] replaced(byte[] archive, String entry, Writer content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.getName().equals(entry)) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                }
            }
            zip.putNextEntry(new ZipEntry(entry));
            content.write(zip);
        }
        return out.toByteArray();
    }
}
