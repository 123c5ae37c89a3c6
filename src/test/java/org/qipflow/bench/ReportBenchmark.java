package org.qipflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qipflow.common.UkTime;
import org.qipflow.membership.OrganisationInput;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.OutlierPolicy;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.reporting.ReportPdf;
import org.qipflow.reporting.Reports;
import org.qipflow.reporting.Scope;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmarking reports at national scale: 100 organisations, 400 teams, 20,000 records. The analysis
 * against a single SQL aggregate over the same records; one organisation's PDF and all 100 against
 * building the same report models without rendering. Run with {@code ./mvnw verify -Pbench}.
 */
@Tag("bench")
@QipflowTest
class ReportBenchmark {

    static final int ORGANISATIONS = 100;
    static final int TEAMS = 4;
    static final int RECORDS = 20_000;
    static final int WARM_UPS = 1;
    static final int ROUNDS = 5;
    static final int ALL_PDF_ROUNDS = 2;

    /** The floor: one pass of SQL over the same records' stored answers, three standards' numerators per team. */
    static final String FLOOR_AGGREGATE = """
            select organisation_code, team_code, count(*),
                   sum(case when record_values like '%"serumLithiumLast3Months":"yes"%' then 1 else 0 end),
                   sum(case when record_values like '%"renalLast6Months":"yes"%' then 1 else 0 end),
                   sum(case when record_values like '%"thyroidLast6Months":"yes"%' then 1 else 0 end)
              from audit_record where cycle_id = ? group by organisation_code, team_code
            """;

    @Autowired
    ProgrammeService programmes;
    @Autowired
    CycleService cycles;
    @Autowired
    CycleAnalysis analysis;
    @Autowired
    Reports reports;
    @Autowired
    ReportPdf pdf;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrganisationService members;

    @Test
    void analyseAndRenderReportsForOneHundredOrganisations() throws IOException {
        programmes.create("QIP-REPBENCH", "Report benchmark", "lithium-monitoring");
        Cycle cycle = cycles.schedule("QIP-REPBENCH", CycleKind.BASELINE,
                Instant.now().plusSeconds(7 * 86400).atZone(UkTime.ZONE), Map.of());
        List<String> organisations = IntStream.range(0, ORGANISATIONS).mapToObj(i -> String.format("B%03d", i))
                .toList();
        organisations.forEach(code -> members.create(new OrganisationInput(code, "Report Bench " + code, "England",
                "NHS trust", "Lead", "lead@nhs.example", "Pharmacist", "2030-12-31")));
        insertRecords(jdbc, cycle.id(), organisations, RECORDS);

        List<Long> analysisMillis = new ArrayList<>();
        List<Long> aggregateMillis = new ArrayList<>();
        for (int round = 0; round < WARM_UPS + ROUNDS; round++) {
            long analyse = time(() -> analysis.analyse(cycle.id(), organisations));
            long aggregate = time(() -> assertThat(jdbc.queryForList(FLOOR_AGGREGATE, cycle.id()))
                    .hasSize(ORGANISATIONS * TEAMS));
            if (round >= WARM_UPS) {
                analysisMillis.add(analyse);
                aggregateMillis.add(aggregate);
            }
        }
        assertThat(analysis.figures(cycle.id())).filteredOn(f -> f.scope() == Scope.NATIONAL && f.standardId()
                .equals("S1")).singleElement().satisfies(f -> assertThat(f.denominator()).isEqualTo(RECORDS));
        BenchmarkFigures.ofMillis("analysis of " + RECORDS + " records, " + ORGANISATIONS + " organisations, "
                + ORGANISATIONS * TEAMS + " teams (floor: one SQL aggregate over their answers)", analysisMillis, aggregateMillis)
                .write("report-analysis");

        // outlier flags with the analysis: every standard an indicator, limits allowing for over-dispersion,
        // against the same analysis with none; alternated, so drift on a noisy machine falls on both
        OutlierPolicy everyStandard = new OutlierPolicy(List.of("S1", "S2", "S3", "S4"), true);
        List<Long> flaggedMillis = new ArrayList<>();
        List<Long> unflaggedMillis = new ArrayList<>();
        for (int round = 0; round < WARM_UPS + ROUNDS; round++) {
            programmes.setOutlierPolicy("QIP-REPBENCH", List.of(), false);
            long unflagged = time(() -> analysis.analyse(cycle.id(), organisations));
            programmes.setOutlierPolicy("QIP-REPBENCH", everyStandard.indicators(), true);
            long flagged = time(() -> analysis.analyse(cycle.id(), organisations));
            if (round >= WARM_UPS) {
                flaggedMillis.add(flagged);
                unflaggedMillis.add(unflagged);
            }
        }
        assertThat(analysis.outliers(cycle.id())).hasSize(4)
                .allSatisfy(s -> assertThat(s.organisations()).isEqualTo(ORGANISATIONS));
        BenchmarkFigures.ofMillis("analysis of " + RECORDS + " records with outlier flags for " + ORGANISATIONS
                + " organisations x 4 standards, over-dispersion allowed (floor: the same analysis without outlier "
                + "indicators)", flaggedMillis, unflaggedMillis).write("report-analysis-outliers");

        List<Long> pdfMillis = new ArrayList<>();
        List<Long> modelMillis = new ArrayList<>();
        for (int round = 0; round < WARM_UPS + ROUNDS; round++) {
            long render = time(() -> assertThat(new String(pdf.forOrganisation(cycle.id(), "B000"), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-"));
            long model = time(() -> reports.forOrganisation(cycle.id(), "B000"));
            if (round >= WARM_UPS) {
                pdfMillis.add(render);
                modelMillis.add(model);
            }
        }
        // kept for a look at a report at national scale
        Files.write(Path.of("target", "bench", "sample-report-100-organisations.pdf"),
                pdf.forOrganisation(cycle.id(), "B040"));
        BenchmarkFigures.ofMillis("one organisation's PDF among " + ORGANISATIONS + " (floor: its report model alone)",
                pdfMillis, modelMillis).write("report-pdf-one");

        List<Long> allMillis = new ArrayList<>();
        List<Long> allModelsMillis = new ArrayList<>();
        for (int round = 0; round < ALL_PDF_ROUNDS; round++) {
            allMillis.add(time(() -> organisations.forEach(o -> pdf.forOrganisation(cycle.id(), o))));
            allModelsMillis.add(time(() -> organisations.forEach(o -> reports.forOrganisation(cycle.id(), o))));
        }
        BenchmarkFigures.ofMillis("all " + ORGANISATIONS + " organisations' PDFs (floor: their report models alone)",
                allMillis, allModelsMillis).write("report-pdf-all");
    }

    /**
     * The records shared equally by the organisations, over 4 teams each; how well each organisation
     * monitors varies with its number, so the charts and funnel have a spread.
     */
    static void insertRecords(JdbcTemplate jdbc, long cycleId, List<String> organisations, int records) {
        List<Object[]> rows = new ArrayList<>(records);
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        int perOrganisation = records / organisations.size();
        for (int o = 0; o < organisations.size(); o++) {
            for (int i = 0; i < perOrganisation; i++) {
                boolean monitored = (i * 37 + o * 11) % 100 < 40 + o / 2;
                boolean started = i % 7 == 0;
                String values = "{\"age\":\"" + (18 + i % 70) + "\",\"lithiumStartedInLastYear\":\""
                        + (started ? "yes\",\"baselineRenal\":\"yes\",\"baselineThyroid\":\"" + (monitored ? "yes" : "no")
                                + "\",\"baselineWeight\":\"yes\"" : "no\"")
                        + ",\"serumLithiumLast3Months\":\"" + (monitored ? "yes\",\"lastLithiumLevel\":\"0.6\"" : "no\"")
                        + ",\"renalLast6Months\":\"" + (i % 3 == 0 ? "no" : "yes")
                        + "\",\"thyroidLast6Months\":\"" + (monitored || i % 2 == 0 ? "yes" : "no") + "\"}";
                rows.add(new Object[] {cycleId, organisations.get(o), "T0" + (i % TEAMS + 1),
                        String.format("P%05d", i), values, now, now});
            }
        }
        jdbc.batchUpdate("""
                insert into audit_record (cycle_id, organisation_code, team_code, pseudonym, definition_id,
                       definition_version, record_values, created_at, updated_at, version)
                values (?, ?, ?, ?, 'lithium-monitoring', 1, ?, ?, ?, 0)
                """, rows);
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
