package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelPlotTest {

    private static OrganisationReport.StandardRow standard(String nationalPercent, OrganisationReport.Peer... peers) {
        return new OrganisationReport.StandardRow("S1", "Lithium level in range", "NICE", 80,
                new OrganisationReport.Exact(45, 100, "45%"), new OrganisationReport.Shown("150", "300", nationalPercent),
                List.of(peers), List.of(), List.of());
    }

    @Test
    void placesOrganisationsAgainstTwoAndThreeStandardDeviationLimitsAroundTheNation() {
        // national 50%, 100 records: sd = √(0.5·0.5/100) = 5 points, so 2 SD is 40–60% and 3 SD is 35–65%
        FunnelPlot plot = standard("50%",
                new OrganisationReport.Peer("Trust 02", false, "62%", 62.0, 100),
                new OrganisationReport.Peer("Your organisation", true, "45%", 45.0, 100),
                new OrganisationReport.Peer("Trust 05", false, "30%", 30.0, 100),
                new OrganisationReport.Peer("Trust 09", false, "*", null, 0)).funnel();

        assertThat(plot.points()).hasSize(3);
        assertThat(plot.points().get(2).own()).as("drawn last, on top of the others").isTrue();
        assertThat(plot.points().get(2).title()).isEqualTo("Your organisation: 45% of 100 records");
        assertThat(plot.description())
                .contains("Your organisation (45% of 100 records) is within the 2 SD limits.")
                .contains("Other organisations: 0 within 2 SD, 1 between 2 and 3 SD, 1 beyond 3 SD.")
                .contains("1 organisation(s) not shown")
                .doesNotContain("Trust 09");
        assertThat(plot.limits()).isNotNull();
        assertThat(plot.xTicks()).extracting(FunnelPlot.Tick::label).containsExactly("0", "25", "50", "75", "100");
    }

    @Test
    void classifiesAtTheLimitsThemselves() {
        assertThat(FunnelPlot.position(0.60, 0.5, 100)).isEqualTo(FunnelPlot.Position.WITHIN_2SD);
        assertThat(FunnelPlot.position(0.65, 0.5, 100)).isEqualTo(FunnelPlot.Position.BETWEEN_2_AND_3SD);
        assertThat(FunnelPlot.position(0.66, 0.5, 100)).isEqualTo(FunnelPlot.Position.BEYOND_3SD);
        assertThat(FunnelPlot.position(1.0, 1.0, 20)).as("everyone at 100%: no spread, nobody outside")
                .isEqualTo(FunnelPlot.Position.WITHIN_2SD);
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
        FunnelPlot plot = standard("100%", new OrganisationReport.Peer("Your organisation", true, "97%", 97.0, 100))
                .funnel();

        assertThat(plot.limits()).isNull();
        assertThat(plot.description()).contains("all organisations together are at 100%, so there are no limits")
                .doesNotContain("beyond");
    }

    @Test
    void drawsNoLimitsWhenTheNationalShareIsHidden() {
        FunnelPlot plot = standard("*", new OrganisationReport.Peer("Your organisation", true, "67%", 66.7, 3))
                .funnel();

        assertThat(plot.limits()).isNull();
        assertThat(plot.points()).singleElement();
        assertThat(plot.description()).contains("the national share is hidden");
    }

    @Test
    void scalesTheRecordsAxisToARoundNumber() {
        assertThat(FunnelPlot.niceCeiling(0)).isEqualTo(10);
        assertThat(FunnelPlot.niceCeiling(11)).isEqualTo(20);
        assertThat(FunnelPlot.niceCeiling(230)).isEqualTo(250);
        assertThat(FunnelPlot.niceCeiling(260)).isEqualTo(500);
    }
}
