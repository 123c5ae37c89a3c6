package org.qipflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qipflow.common.RejectedFileException;
import org.qipflow.common.UkTime;
import org.qipflow.membership.OrganisationInput;
import org.qipflow.membership.OrganisationService;
import org.qipflow.participation.ParticipantRecords;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.submissions.UploadResult;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 20,000-row CSV of lithium-monitoring records validated and stored, against a floor measured in
 * the same run: a plain JDBC batch insert of the same 20,000 rows. Run with {@code ./mvnw verify -Pbench}.
 */
@Tag("bench")
@QipflowTest
class RecordUploadBenchmark {

    static final int ROWS = 20_000;
    static final int WARM_UPS = 1;
    static final int ROUNDS = 5;

    @Autowired
    ProgrammeService programmes;
    @Autowired
    CycleService cycles;
    @Autowired
    OrganisationService organisations;
    @Autowired
    ParticipationService participation;
    @Autowired
    ParticipantRecords participantRecords;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void validateAndStoreTwentyThousandRows() throws IOException {
        programmes.create("QIP-RECBENCH", "Record benchmark", "lithium-monitoring");
        Cycle cycle = cycles.schedule("QIP-RECBENCH", CycleKind.BASELINE,
                Instant.now().plusSeconds(7 * 86400).atZone(UkTime.ZONE), Map.of());
        byte[] csv = csv(ROWS);
        List<Long> uploadMillis = new ArrayList<>();
        List<Long> floorMillis = new ArrayList<>();
        for (int round = 0; round < WARM_UPS + ROUNDS; round++) {
            String org = organisation(cycle, round);
            long start = System.nanoTime();
            UploadResult result = participantRecords.upload(cycle.id(), org, new ByteArrayInputStream(csv), "bench.csv",
                    "bench");
            long upload = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.created()).isEqualTo(ROWS);
            long floor = plainBatchInsert(cycle.id(), "F" + org.substring(1));
            if (round >= WARM_UPS) {
                uploadMillis.add(upload);
                floorMillis.add(floor);
            }
        }
        BenchmarkFigures.ofMillis(ROWS + "-row CSV (" + csv.length + " bytes) validated and stored", uploadMillis,
                floorMillis).write("record-upload");
    }

    /**
     * A file far past the 50,000-record limit is refused before any row is checked. The floor: reading
     * the same bytes at all — its lines for the CSV, the sheet's XML unpacked for the workbook.
     */
    @Test
    void refuseThreeHundredThousandRows() throws IOException {
        programmes.create("QIP-BIGBENCH", "Refusal benchmark", "lithium-monitoring");
        Cycle cycle = cycles.schedule("QIP-BIGBENCH", CycleKind.BASELINE,
                Instant.now().plusSeconds(7 * 86400).atZone(UkTime.ZONE), Map.of());
        String org = organisation(cycle, 90);
        byte[] csv = csv(300_000);
        byte[] xlsx = xlsx(300_000);
        for (var file : List.of(Map.entry("csv", csv), Map.entry("xlsx", xlsx))) {
            List<Long> refusalMillis = new ArrayList<>();
            List<Long> floorMillis = new ArrayList<>();
            for (int round = 0; round < WARM_UPS + ROUNDS; round++) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> participantRecords.upload(cycle.id(), org,
                        new ByteArrayInputStream(file.getValue()), "all." + file.getKey(), "bench"))
                        .isInstanceOf(RejectedFileException.class);
                long refusal = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                long read = file.getKey().equals("csv") ? lines(file.getValue()) : sheetBytes(file.getValue());
                long floor = (System.nanoTime() - start) / 1_000_000;
                assertThat(read).isPositive();
                if (round >= WARM_UPS) {
                    refusalMillis.add(refusal);
                    floorMillis.add(floor);
                }
            }
            BenchmarkFigures.ofMillis("300,000-row " + file.getKey().toUpperCase(Locale.ROOT) + " ("
                    + file.getValue().length + " bytes) refused as too long (floor: reading it)", refusalMillis,
                    floorMillis).write("record-upload-refused-" + file.getKey());
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_record where organisation_code = ?", Long.class,
                org)).isZero();
    }

    private static long lines(byte[] csv) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(csv),
                StandardCharsets.UTF_8))) {
            return reader.lines().count();
        }
    }

    /** The workbook's first sheet unpacked, from a file as the upload is read, its XML not parsed. */
    private static long sheetBytes(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("qipflow-bench-", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile()); InputStream sheet = zip.getInputStream(
                    zip.getEntry("xl/worksheets/sheet1.xml"))) {
                return sheet.transferTo(OutputStream.nullOutputStream());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] xlsx(int rows) throws IOException {
        String[] header = new String(csv(1), StandardCharsets.UTF_8).lines().findFirst().orElseThrow().split(",");
        try (var workbook = new SXSSFWorkbook(100);
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Records");
            for (int r = 0; r <= rows; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < header.length; c++) {
                    if (r == 0) {
                        row.createCell(c).setCellValue(header[c]);
                    } else if (c == 2) {
                        row.createCell(c).setCellValue(54);
                    } else {
                        row.createCell(c).setCellValue(c == 0 ? "T01" : c == 1 ? "P" + r : c == 3 ? "no" : "yes");
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private String organisation(Cycle cycle, int round) {
        String code = String.format("R%03d", round);
        organisations.create(new OrganisationInput(code, "Record Bench " + code, "England", "NHS trust", "Lead",
                "lead@nhs.example", "Pharmacist", "2030-12-31"));
        participation.join(cycle.id(), code);
        // confirmation is a process step; the benchmark needs the teams, not the step
        jdbc.update("update cycle_participant set status = 'CONFIRMED' where cycle_id = ? and organisation_code = ?",
                cycle.id(), code);
        for (String team : List.of("T01", "T02", "T03", "T04")) {
            jdbc.update("""
                    insert into participant_team (participant_id, code, created_at)
                    select id, ?, current_timestamp from cycle_participant where cycle_id = ? and organisation_code = ?
                    """, team, cycle.id(), code);
        }
        return code;
    }

    /** The floor: the same rows, already as JSON, in one JDBC batch. */
    private long plainBatchInsert(long cycleId, String organisation) {
        List<Object[]> rows = new ArrayList<>(ROWS);
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Object[] {cycleId, organisation, "T0" + (i % 4 + 1), String.format("P%05d", i),
                    "{\"age\":\"54\",\"lithiumStartedInLastYear\":\"no\",\"serumLithiumLast3Months\":\"yes\","
                            + "\"lastLithiumLevel\":\"0.6\",\"renalLast6Months\":\"yes\",\"thyroidLast6Months\":\"yes\"}",
                    now, now});
        }
        long start = System.nanoTime();
        jdbc.batchUpdate("""
                insert into audit_record (cycle_id, organisation_code, team_code, pseudonym, definition_id,
                       definition_version, record_values, created_at, updated_at, version)
                values (?, ?, ?, ?, 'lithium-monitoring', 1, ?, ?, ?, 0)
                """, rows);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static byte[] csv(int rows) {
        StringBuilder csv = new StringBuilder("team,pseudonym,age,lithiumStartedInLastYear,baselineRenal,"
                + "baselineThyroid,baselineWeight,serumLithiumLast3Months,lastLithiumLevel,renalLast6Months,"
                + "thyroidLast6Months\n");
        for (int i = 0; i < rows; i++) {
            boolean started = i % 5 == 0;
            csv.append("T0").append(i % 4 + 1).append(",P").append(String.format("%06d", i)).append(',')
                    .append(18 + i % 80).append(started ? ",yes,yes,yes,no," : ",no,,,,")
                    .append(i % 3 == 0 ? "no,," : "yes,0." + (3 + i % 7) + ",").append(i % 2 == 0 ? "yes," : "no,")
                    .append("yes\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
