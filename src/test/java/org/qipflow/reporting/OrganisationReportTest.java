package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrganisationReportTest {

    private static OrganisationReport.StandardRow standard(String id, Integer target, int numerator, int denominator,
            String national) {
        String own = denominator == 0 ? "–" : Math.round(100.0 * numerator / denominator) + "%";
        return new OrganisationReport.StandardRow(id, "Standard " + id, "NICE", target,
                new OrganisationReport.Exact(numerator, denominator, own),
                new OrganisationReport.Shown("*", "*", national), List.of(), List.of(), List.of());
    }

    @Test
    void theSummaryNamesTheBiggestGapsToTheNationWorstFirst() {
        OrganisationReport report = new OrganisationReport("Trust 03", List.of(
                standard("S1", 80, 5, 10, "70%"),   // 50% vs 70%: 20 behind
                standard("S2", null, 9, 10, "80%"), // 90%: ahead
                standard("S3", 50, 3, 10, "60%"),   // 30%: 30 behind
                standard("S4", 50, 6, 10, "65%"),   // 60%: 5 behind, but meets its target
                standard("S5", 50, 1, 10, "*"),     // national hidden: no gap can be shown
                standard("S6", 90, 4, 10, "50%"))); // 40%: 10 behind

        assertThat(report.biggestGaps()).extracting(OrganisationReport.StandardRow::id)
                .containsExactly("S3", "S1", "S6");
        assertThat(report.standards().get(0).pointsFromNational()).isEqualTo(-20);
        assertThat(report.standards().get(4).pointsFromNational()).isNull();
        assertThat(report.standardsMet()).as("S4 reaches its 50% target; S2 has none, so needs 100%").isEqualTo(1);
    }

    @Test
    void aStandardApplyingToNoRecordIsNeitherMetNorShort() {
        OrganisationReport report = new OrganisationReport("Trust 03", List.of(standard("S1", 80, 0, 0, "70%")));

        assertThat(report.standards().get(0).metTarget()).isTrue();
        assertThat(report.standardsMet()).isZero();
        assertThat(report.biggestGaps()).isEmpty();
    }
}
