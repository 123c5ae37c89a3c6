package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    private static OrganisationReport.StandardRow standard(String nationalPercent, OrganisationReport.Peer... peers) {
        return new OrganisationReport.StandardRow("S1", "Lithium level in range", "NICE", 80,
                new OrganisationReport.Exact(2, 3, "67%"), new OrganisationReport.Shown("30", "40", nationalPercent),
                List.of(peers), List.of(), List.of());
    }

    @Test
    void drawsOneBarPerShownOrganisationScaledToTheShare() {
        BarChart chart = standard("75%",
                new OrganisationReport.Peer("Trust 07", false, "100%", 100.0, 40),
                new OrganisationReport.Peer("Trust 03", true, "50%", 50.0, 4)).chart();

        assertThat(chart.bars()).extracting(BarChart.Bar::label).containsExactly("Trust 07", "Trust 03");
        assertThat(chart.bars().get(0).width()).isEqualTo(BarChart.BAR_AREA);
        assertThat(chart.bars().get(1).width()).isEqualTo(BarChart.BAR_AREA / 2);
        assertThat(chart.bars().get(1).own()).isTrue();
        assertThat(chart.nationalX()).isEqualTo(BarChart.LABEL_WIDTH + BarChart.BAR_AREA * 0.75);
        assertThat(chart.description()).contains("Trust 07 100%, Trust 03 50%", "All organisations 75%");
    }

    @Test
    void leavesSuppressedOrganisationsOutAndSaysSoInTheTextAlternative() {
        BarChart chart = standard("*",
                new OrganisationReport.Peer("Trust 03", true, "67%", 66.7, 3),
                new OrganisationReport.Peer("Trust 11", false, "*", null, 0)).chart();

        assertThat(chart.bars()).extracting(BarChart.Bar::label).containsExactly("Trust 03");
        assertThat(chart.nationalX()).isNull();
        assertThat(chart.description()).doesNotContain("Trust 11").contains("1 organisation(s) not shown");
    }

    @Test
    void withManyOrganisationsKeepsToAPageAndLabelsOnlyTheOwnBar() {
        OrganisationReport.Peer[] peers = new OrganisationReport.Peer[100];
        for (int i = 0; i < peers.length; i++) {
            peers[i] = new OrganisationReport.Peer(i == 40 ? "Your organisation" : String.format("Trust %02d", i + 1),
                    i == 40, (100 - i / 2) + "%", 100.0 - i / 2, 40);
        }
        BarChart chart = standard("75%", peers).chart();

        assertThat(chart.bars()).hasSize(100);
        assertThat(chart.height()).isLessThanOrEqualTo(BarChart.MAX_BARS_HEIGHT + 12);
        assertThat(chart.bars()).filteredOn(b -> !b.label().isEmpty()).extracting(BarChart.Bar::label)
                .containsExactly("Your organisation");
        assertThat(chart.description()).contains("Trust 01 100%", "Trust 100 51%");
    }
}
