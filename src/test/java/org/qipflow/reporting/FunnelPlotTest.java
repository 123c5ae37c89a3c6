package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class FunnelPlotTest {

    private static StandardRow standard(int nationalNumerator, int nationalDenominator,
            OrganisationReport.Peer... peers) {
        return new StandardRow("S1", "Lithium level in range", "NICE", 80,
                new OrganisationReport.Exact(45, 100), new OrganisationReport.Exact(nationalNumerator, nationalDenominator),
                List.of(peers), List.of(), List.of());
    }

    private static OrganisationReport.Peer peer(String alias, boolean own, int numerator, int denominator,
            OrganisationReport.Exact national) {
        OrganisationReport.Exact exact = new OrganisationReport.Exact(numerator, denominator);
        return new OrganisationReport.Peer(alias, own, exact.percent(), exact.share(), String.valueOf(denominator),
                denominator, FunnelPlot.position(exact, national));
    }

    @Test
    void placesOrganisationsAgainstTwoAndThreeStandardDeviationLimitsAroundTheExactNationalShare() {
        // national 150 of 300 = 50%; 100 records: sd = √(0.5·0.5/100) = 5 points, so 2 SD is 40–60% and 3 SD 35–65%
        OrganisationReport.Exact national = new OrganisationReport.Exact(150, 300);
        FunnelPlot plot = standard(150, 300,
                peer("Organisation 02", false, 62, 100, national),
                peer("Your organisation", true, 45, 100, national),
                peer("Organisation 05", false, 30, 100, national),
                new OrganisationReport.Peer("Organisation 09", false, "*", null, "*", 0, null)).funnel();

        assertThat(plot.points()).hasSize(3);
        assertThat(plot.points().get(2).own()).as("drawn last, on top of the others").isTrue();
        assertThat(plot.points().get(2).title()).isEqualTo("Your organisation: 45% of 100 records");
        assertThat(plot.points()).extracting(FunnelPlot.Point::marker).containsExactly("alert", "alarm", "own");
        assertThat(plot.description())
                .contains("around the national 50%")
                .contains("Your organisation (45% of 100 records) is within the 2 SD limits.")
                .contains("Other organisations: 0 within 2 SD, 1 between 2 and 3 SD, 1 beyond 3 SD.")
                .contains("1 organisation(s) not shown")
                .doesNotContain("Organisation 09");
        assertThat(plot.limits()).isNotNull();
        assertThat(plot.legend()).extracting(FunnelPlot.LegendItem::label).contains("Your organisation",
                "Between 2 and 3 SD (alert)", "Beyond 3 SD (alarm)", "2 SD limits", "3 SD limits", "All organisations");
        assertThat(plot.axes().xTicks()).extracting(ChartAxes.Tick::label).containsExactly("0", "25", "50", "75", "100");
    }

    @Test
    void anOrganisationInsideTwoSdByItsExactCountsIsNotAnAlertBecauseItsRoundedCountsWouldBe() {
        // national 600 of 1000 = 60%. Exact 12 of 27 = 44.4%: sd = √(0.24/27) = 9.43 points, lower 2 SD limit 41.1%,
        // so within. Rounded to 10 of 25 = 40% against the 25-record limit of 40.4% it would read as an alert.
        OrganisationReport.Exact national = new OrganisationReport.Exact(600, 1000);

        assertThat(FunnelPlot.position(new OrganisationReport.Exact(12, 27), national))
                .isEqualTo(FunnelPlot.Position.WITHIN_2SD);
        assertThat(FunnelPlot.position(0.40, 0.60, 25)).isEqualTo(FunnelPlot.Position.BETWEEN_2_AND_3SD);
    }

    @Test
    void classifiesAtTheLimitsThemselves() {
        assertThat(FunnelPlot.position(0.60, 0.5, 100)).isEqualTo(FunnelPlot.Position.WITHIN_2SD);
        assertThat(FunnelPlot.position(0.65, 0.5, 100)).isEqualTo(FunnelPlot.Position.BETWEEN_2_AND_3SD);
        assertThat(FunnelPlot.position(0.66, 0.5, 100)).isEqualTo(FunnelPlot.Position.BEYOND_3SD);
        assertThat(FunnelPlot.position(new OrganisationReport.Exact(20, 20), new OrganisationReport.Exact(40, 40)))
                .as("everyone at 100%: no spread, no position").isNull();
    }

    @Test
    void limitsAreTheBinomialSpreadAroundTheNationalShare() {
        assertThat(FunnelPlot.limit(0.5, 2, 100)).isCloseTo(0.60, within(1e-9));
        assertThat(FunnelPlot.limit(0.5, -3, 100)).isCloseTo(0.35, within(1e-9));
        assertThat(FunnelPlot.limit(0.9, 3, 25)).as("never above 100%").isEqualTo(1.0);
        assertThat(FunnelPlot.limit(0.8, -2, 16)).isCloseTo(0.6, within(1e-9)); // sd = √(0.8·0.2/16) = 0.1
    }

    @Test
    void drawsNoLimitsWhenEveryoneOrNobodyMeetsTheStandardNationally() {
        OrganisationReport.Exact national = new OrganisationReport.Exact(300, 300);
        FunnelPlot plot = standard(300, 300, peer("Your organisation", true, 100, 100, national)).funnel();

        assertThat(plot.limits()).isNull();
        assertThat(plot.description()).contains("all organisations together are at 100%, so there are no limits")
                .doesNotContain("beyond");
        assertThat(plot.legend()).extracting(FunnelPlot.LegendItem::label)
                .containsExactly("Your organisation", "Other organisations");
    }

    @Test
    void scalesTheRecordsAxisToARoundNumber() {
        assertThat(FunnelPlot.niceCeiling(0)).isEqualTo(10);
        assertThat(FunnelPlot.niceCeiling(11)).isEqualTo(20);
        assertThat(FunnelPlot.niceCeiling(230)).isEqualTo(250);
        assertThat(FunnelPlot.niceCeiling(260)).isEqualTo(500);
    }
}
