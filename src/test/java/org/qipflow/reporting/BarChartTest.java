package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BarChartTest {

    private static StandardRow standard(int nationalNumerator, int nationalDenominator,
            OrganisationReport.Peer... peers) {
        return new StandardRow("S1", "Lithium level in range", "NICE", 80,
                new OrganisationReport.Exact(2, 4), new OrganisationReport.Exact(nationalNumerator, nationalDenominator),
                List.of(peers), List.of(), List.of());
    }

    static OrganisationReport.Peer peer(String alias, boolean own, String percent, Double share, int records) {
        return new OrganisationReport.Peer(alias, own, percent, share, share == null ? "*" : String.valueOf(records),
                share == null ? 0 : records, null);
    }

    @Test
    void drawsOneBarPerShownOrganisationScaledToTheShare() {
        BarChart chart = standard(33, 44,
                peer("Organisation 07", false, "100%", 100.0, 40),
                peer("Your organisation", true, "50%", 50.0, 4)).chart();

        assertThat(chart.bars()).extracting(BarChart.Bar::label).containsExactly("Organisation 07", "Your organisation");
        assertThat(chart.bars().get(0).width()).isEqualTo(BarChart.BAR_AREA);
        assertThat(chart.bars().get(1).width()).isEqualTo(BarChart.BAR_AREA / 2);
        assertThat(chart.bars().get(1).own()).isTrue();
        assertThat(chart.nationalX()).as("the exact 75%").isEqualTo(BarChart.LABEL_WIDTH + BarChart.BAR_AREA * 0.75);
        assertThat(chart.description()).contains("Organisation 07 100%, Your organisation 50%", "All organisations 75%");
    }

    @Test
    void leavesHiddenOrganisationsOutAndSaysSoInTheTextAlternative() {
        BarChart chart = standard(0, 0,
                peer("Your organisation", true, "67%", 66.7, 3),
                peer("Organisation 11", false, "*", null, 0)).chart();

        assertThat(chart.bars()).extracting(BarChart.Bar::label).containsExactly("Your organisation");
        assertThat(chart.nationalX()).isNull();
        assertThat(chart.description()).doesNotContain("Organisation 11").contains("1 organisation(s) not shown");
    }

    @Test
    void withManyOrganisationsKeepsToAPageAndLabelsOnlyTheOwnBarSoNoLabelsOverprint() {
        OrganisationReport.Peer[] peers = new OrganisationReport.Peer[100];
        for (int i = 0; i < peers.length; i++) {
            peers[i] = peer(i == 40 ? "Your organisation" : String.format("Organisation %02d", i + 1), i == 40,
                    (100 - i / 2) + "%", 100.0 - i / 2, 40);
        }
        BarChart chart = standard(30, 40, peers).chart();

        assertThat(chart.bars()).hasSize(100);
        assertThat(chart.height()).isLessThanOrEqualTo(BarChart.MAX_BARS_HEIGHT + 12);
        assertThat(chart.bars()).filteredOn(b -> !b.label().isEmpty()).extracting(BarChart.Bar::label)
                .containsExactly("Your organisation");
        assertThat(chart.description()).contains("Organisation 01 100%", "Organisation 100 51%");
    }

    @Test
    void labelledBarsAreAlwaysAtLeastALabelApart() {
        for (int count = 1; count <= 60; count++) {
            OrganisationReport.Peer[] peers = new OrganisationReport.Peer[count];
            for (int i = 0; i < count; i++) {
                peers[i] = peer("Organisation " + i, i == 0, "50%", 50.0, 20);
            }
            List<BarChart.Bar> labelled = standard(30, 40, peers).chart().bars().stream()
                    .filter(b -> !b.label().isEmpty()).toList();
            for (int i = 1; i < labelled.size(); i++) {
                assertThat(labelled.get(i).y() - labelled.get(i - 1).y()).as("%d organisations", count)
                        .isGreaterThanOrEqualTo(BarChart.MIN_LABELLED_ROW);
            }
        }
    }
}
