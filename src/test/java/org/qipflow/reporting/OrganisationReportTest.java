package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OrganisationReportTest {

    static final OrganisationReport.Cover COVER = new OrganisationReport.Cover("QIP-7", "Lithium", "Baseline audit (round 1)",
            "Trust", null, 10, 1, 5);

    static StandardRow standard(String id, Integer target, int numerator, int denominator,
            int nationalNumerator, int nationalDenominator) {
        return new StandardRow(id, "Standard " + id, "NICE", target,
                new OrganisationReport.Exact(numerator, denominator),
                new OrganisationReport.Exact(nationalNumerator, nationalDenominator), List.of(), List.of(), List.of());
    }

    @Test
    void theSummaryNamesTheBiggestGapsToTheNationWorstFirstFromExactCounts() {
        OrganisationReport report = new OrganisationReport("Organisation 03", COVER, List.of(
                standard("S1", 80, 5, 10, 70, 100),    // 50% vs 70%: 20 behind
                standard("S2", null, 9, 10, 80, 100),  // 90%: ahead
                standard("S3", 50, 3, 10, 60, 100),    // 30%: 30 behind
                standard("S4", 50, 6, 10, 65, 100),    // 60%: 5 behind, but meets its target
                standard("S5", 50, 1, 10, 0, 0),       // no records nationally (impossible, but no gap)
                standard("S6", 90, 4, 10, 50, 100),    // 40%: 10 behind
                standard("S7", 90, 2, 3, 20, 30)));    // 66.7% vs 66.7%: level, not a gap

        assertThat(report.biggestGaps()).extracting(StandardRow::id)
                .containsExactly("S3", "S1", "S6");
        assertThat(report.standards().get(0).pointsFromNational()).isEqualTo(-20);
        assertThat(report.standards().get(0).difference()).isEqualTo("-20 points");
        assertThat(report.standards().get(1).difference()).isEqualTo("+10 points");
        assertThat(report.standards().get(4).pointsFromNational()).isNull();
        assertThat(report.standards().get(6).difference()).isEqualTo("level");
        assertThat(report.standardsMet()).as("S4 reaches its 50% target; S2 has none, so needs 100%").isEqualTo(1);
    }

    @Test
    void aTargetIsMetOnlyByWholeRecordsNotByARoundedShare() {
        StandardRow twoOfThree = standard("S1", 67, 2, 3, 10, 20);   // 66.67% < 67%
        StandardRow exactly = standard("S2", 75, 3, 4, 10, 20);      // 75% = 75%

        assertThat(twoOfThree.own().percent()).isEqualTo("67%");
        assertThat(twoOfThree.metTarget()).isFalse();
        assertThat(exactly.metTarget()).isTrue();
    }

    @Test
    void aStandardApplyingToNoRecordIsNeitherMetNorShort() {
        OrganisationReport report = new OrganisationReport("Organisation 03", COVER, List.of(standard("S1", 80, 0, 0, 7, 10)));

        assertThat(report.standards().get(0).metTarget()).isTrue();
        assertThat(report.standards().get(0).shortOfTarget()).isFalse();
        assertThat(report.standardsMet()).isZero();
        assertThat(report.biggestGaps()).isEmpty();
    }

    @Test
    void aRoundWhoseNationalFigureIsWithheldBreaksTheNationalLineAndReadsNotShown() {
        OrganisationReport.Exact half = new OrganisationReport.Exact(5, 10);
        OrganisationReport.Exact nation = new OrganisationReport.Exact(60, 100);
        List<OrganisationReport.Trend> rounds = List.of(
                new OrganisationReport.Trend(1, "Baseline audit (round 1)", false, half, nation),
                new OrganisationReport.Trend(2, "Re-audit (round 2)", false, half, null),
                new OrganisationReport.Trend(3, "Re-audit (round 3)", true, half, nation));
        TrendChart chart = new StandardRow("S1", "Standard S1", "NICE", 100, half, nation,
                List.of(), List.of(), rounds).trendChart();
        assertThat(chart.national()).hasSize(2);
        assertThat(chart.nationalPath()).as("two separate points, no line across round 2")
                .matches("M[0-9.]+,[0-9.]+ M[0-9.]+,[0-9.]+");
        assertThat(chart.description()).contains("Re-audit (round 2): yours 50%, all organisations not shown");
        assertThat(rounds.get(1).difference()).isEqualTo("not shown");

        StandardRow withheld = new StandardRow("S1", "Standard S1", "NICE", 100,
                half, null, List.of(), List.of(), List.of());
        assertThat(withheld.difference()).isEqualTo("not shown");
        assertThat(withheld.funnel().limits()).isNull();
        assertThat(withheld.chart().nationalX()).isNull();
        assertThat(new OrganisationReport("Organisation 03", COVER, List.of(withheld)).biggestGaps()).isEmpty();
    }
}
