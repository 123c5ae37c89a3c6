package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.qipflow.programmes.OutlierPolicy;
import org.qipflow.reporting.OutlierFlags.Direction;
import org.qipflow.reporting.OutlierFlags.Flag;
import org.qipflow.reporting.OutlierFlags.Level;
import org.qipflow.reporting.OutlierFlags.StandardOutliers;

/**
 * Outlier flags against figures worked out by hand. Twelve organisations with 40 records each meet a
 * standard 6, 12, 15, 18, 20, 22, 22, 24, 26, 28, 32 and 39 times: 264 of 480 nationally, p = 0.55, so
 * one standard deviation is √(0.55·0.45/40) and z = (m − 22)/√9.9. Winsorised (the lowest and highest
 * z pulled in to their neighbours, m − 22 = −10 and +10), the squares of m − 22 sum to 525, so
 * φ = 525 / (9.9·12) = 4.4192; widened, z = (m − 22)/√(9.9·φ) = (m − 22)/√43.75.
 */
class OutlierFlagsTest {

    private static final int[] MEET = {6, 12, 15, 18, 20, 22, 22, 24, 26, 28, 32, 39};

    @Test
    void binomialLimitsFlagAlertsBeyondTwoAndAlarmsBeyondThreeStandardDeviations() {
        StandardOutliers s1 = flags(MEET, false);

        assertThat(s1.nationalPercent()).isEqualTo("55%");
        assertThat(s1.organisations()).isEqualTo(12);
        assertThat(s1.phi()).isCloseTo(525 / 118.8, within(1e-12));
        assertThat(s1.beyondChance()).isTrue(); // 12·φ = 53.0, beyond χ²(11) 95% = 19.68
        assertThat(s1.overdispersed()).isFalse();
        assertThat(s1.flags()).extracting(Flag::organisationCode, Flag::level, Flag::direction).containsExactly(
                org(6, Level.ALARM, Direction.BELOW), org(12, Level.ALARM, Direction.BELOW),
                org(15, Level.ALERT, Direction.BELOW), org(32, Level.ALARM, Direction.ABOVE),
                org(39, Level.ALARM, Direction.ABOVE));
        assertThat(s1.flags().get(0).z()).isCloseTo(-16 / Math.sqrt(9.9), within(1e-12));
        assertThat(s1.flags().get(2).z()).isCloseTo(-7 / Math.sqrt(9.9), within(1e-12)); // −2.22
        assertThat(s1.flags().get(2).percent()).isEqualTo("38%"); // 15 of 40 = 37.5%, halves up
    }

    @Test
    void allowingForOverdispersionWidensTheLimitsByTheSquareRootOfPhi() {
        StandardOutliers s1 = flags(MEET, true);

        assertThat(s1.overdispersed()).isTrue();
        assertThat(s1.flags()).extracting(Flag::organisationCode, Flag::level, Flag::direction).containsExactly(
                org(6, Level.ALERT, Direction.BELOW), org(39, Level.ALERT, Direction.ABOVE));
        assertThat(s1.flags().get(0).z()).isCloseTo(-16 / Math.sqrt(43.75), within(1e-12)); // −2.42
        assertThat(s1.flags().get(1).z()).isCloseTo(17 / Math.sqrt(43.75), within(1e-12)); // +2.57
    }

    @Test
    void overdispersionWithinChanceOrFromTooFewOrganisationsLeavesTheLimitsAsTheyAre() {
        // ten organisations close to the national share: 10·φ is well within χ²(9)
        StandardOutliers close = flags(new int[] {20, 21, 22, 22, 23, 24, 22, 21, 23, 22}, true);
        assertThat(close.beyondChance()).isFalse();
        assertThat(close.overdispersed()).isFalse();
        assertThat(close.flags()).isEmpty();

        // nine organisations: no φ at all, binomial limits around 165 of 360 (p = 0.4583, one SD 0.0788):
        // 6 is 3.91 SD below, 12 is 2.01 below, 26 is 2.43 above
        StandardOutliers nine = flags(new int[] {6, 12, 15, 18, 20, 22, 22, 24, 26}, true);
        assertThat(nine.phi()).isNull();
        assertThat(nine.overdispersed()).isFalse();
        assertThat(nine.flags()).extracting(Flag::organisationCode, Flag::level).containsExactly(
                tuple("M06", Level.ALARM), tuple("M12", Level.ALERT),
                tuple("M26", Level.ALERT));
    }

    @Test
    void noSpreadNationallyMeansNoLimitsAndNoOutliers() {
        assertThat(flags(new int[] {0, 0, 0, 0}, false).flags()).isEmpty();
        assertThat(flags(new int[] {40, 40, 40}, true).flags()).isEmpty();
        assertThat(flags(new int[] {40, 40, 40}, true).phi()).isNull();
    }

    @Test
    void flagsAgreeWithWhereTheReportsFunnelPlotPutsEachOrganisation() {
        for (int records = 1; records <= 60; records++) {
            for (int meet = 0; meet <= records; meet++) {
                ResultFigure organisation = organisation("X", meet, records);
                StandardOutliers flagged = OutlierFlags.of("S1", 300, 600, List.of(organisation), false);
                FunnelPlot.Position position = FunnelPlot.position(new OrganisationReport.Exact(meet, records),
                        new OrganisationReport.Exact(300, 600));
                Level level = flagged.flags().isEmpty() ? null : flagged.flags().get(0).level();
                assertThat(level).as(meet + " of " + records).isEqualTo(switch (position) {
                    case WITHIN_2SD -> null;
                    case BETWEEN_2_AND_3SD -> Level.ALERT;
                    case BEYOND_3SD -> Level.ALARM;
                });
            }
        }
        // exactly 2 SD out is within: 60 of 100 around 50% is (0.6 − 0.5)/0.05 = 2
        assertThat(OutlierFlags.of("S1", 300, 600, List.of(organisation("X", 60, 100)), false).flags()).isEmpty();
    }

    @Test
    void theChiSquarePercentileIsCloseToTheTables() {
        assertThat(OutlierFlags.chiSquare95(9)).isCloseTo(16.919, within(16.919 * 0.002));
        assertThat(OutlierFlags.chiSquare95(11)).isCloseTo(19.675, within(19.675 * 0.002));
        assertThat(OutlierFlags.chiSquare95(99)).isCloseTo(123.225, within(123.225 * 0.002));
    }

    @Test
    void onlyThePolicysIndicatorsAreFlaggedFromACyclesFigures() {
        List<ResultFigure> figures = new ArrayList<>(List.of(
                new ResultFigure(Scope.NATIONAL, null, null, "S1", 264, 480),
                new ResultFigure(Scope.NATIONAL, null, null, "S2", 100, 200)));
        for (int m : MEET) {
            figures.add(organisation(String.format("M%02d", m), m, 40));
            figures.add(new ResultFigure(Scope.TEAM, String.format("M%02d", m), "T01", "S1", m, 40));
        }
        List<StandardOutliers> outliers = OutlierFlags.of(figures, new OutlierPolicy(List.of("S1", "S9"), false));
        assertThat(outliers).extracting(StandardOutliers::standardId).containsExactly("S1"); // S9 is not in the round
        assertThat(outliers.get(0).organisations()).isEqualTo(12); // organisations, not teams
        assertThat(outliers.get(0).flags()).hasSize(5);
    }

    private static StandardOutliers flags(int[] meet, boolean allow) {
        List<ResultFigure> organisations = new ArrayList<>();
        int numerator = 0;
        for (int i = 0; i < meet.length; i++) {
            organisations.add(organisation(String.format("M%02d", meet[i]), meet[i], 40));
            numerator += meet[i];
        }
        return OutlierFlags.of("S1", numerator, 40 * meet.length, organisations, allow);
    }

    private static ResultFigure organisation(String code, int numerator, int denominator) {
        return new ResultFigure(Scope.ORGANISATION, code, null, "S1", numerator, denominator);
    }

    private static Tuple org(int meet, Level level, Direction direction) {
        return tuple(String.format("M%02d", meet), level, direction);
    }
}
