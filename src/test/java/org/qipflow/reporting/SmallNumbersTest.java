package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallNumbersTest {

    @Test
    void anotherOrganisationsCountsAreHiddenFromOneToSevenAndOtherwiseRoundedToFive() {
        assertThat(SmallNumbers.count(0)).isEqualTo("0");
        assertThat(SmallNumbers.count(1)).isEqualTo("*");
        assertThat(SmallNumbers.count(7)).isEqualTo("*");
        assertThat(SmallNumbers.count(8)).isEqualTo("10");
        assertThat(SmallNumbers.count(12)).isEqualTo("10");
        assertThat(SmallNumbers.count(13)).isEqualTo("15");
        assertThat(SmallNumbers.count(102)).isEqualTo("100");
        assertThat(SmallNumbers.count(198)).isEqualTo("200");
        assertThatThrownBy(() -> SmallNumbers.count(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherOrganisationsShareComesFromItsExactCountsAndIsHiddenWhereItCouldRevealASmallCount() {
        assertThat(SmallNumbers.percent(13, 22)).as("13 of 22 is 59.1%, not 15 of 20").isEqualTo("59%");
        assertThat(SmallNumbers.percent(22, 33)).as("66.7%, where rounded counts (20 of 35) read 57%").isEqualTo("67%");
        assertThat(SmallNumbers.percent(0, 12)).isEqualTo("0%");
        assertThat(SmallNumbers.percent(8, 8)).isEqualTo("100%");
        assertThat(SmallNumbers.percent(12, 13)).as("1 record not meeting it").isEqualTo("*");
        assertThat(SmallNumbers.percent(33, 40)).as("7 not meeting it").isEqualTo("*");
        assertThat(SmallNumbers.percent(32, 40)).as("8 not meeting it").isEqualTo("80%");
        assertThat(SmallNumbers.percent(7, 40)).as("a small numerator").isEqualTo("*");
        assertThat(SmallNumbers.percent(0, 7)).as("a small denominator").isEqualTo("*");
        assertThat(SmallNumbers.percent(0, 0)).isEqualTo("–");
        assertThat(SmallNumbers.shareShown(8, 16)).isTrue();
        assertThat(SmallNumbers.shareShown(8, 15)).isFalse();
    }

    @Test
    void exactSharesAreWholePercentsWithHalvesRoundedUpAndNeverAFalseHundredOrZero() {
        assertThat(SmallNumbers.exactPercent(1, 8)).as("12.5%").isEqualTo("13%");
        assertThat(SmallNumbers.exactPercent(27, 40)).as("67.5%").isEqualTo("68%");
        assertThat(SmallNumbers.exactPercent(3, 8)).as("37.5%").isEqualTo("38%");
        assertThat(SmallNumbers.exactPercent(2, 3)).isEqualTo("67%");
        assertThat(SmallNumbers.exactPercent(1, 3)).isEqualTo("33%");
        assertThat(SmallNumbers.exactPercent(5, 5)).isEqualTo("100%");
        assertThat(SmallNumbers.exactPercent(0, 5)).isEqualTo("0%");
        assertThat(SmallNumbers.exactPercent(199, 200)).as("99.5%: one record short of all").isEqualTo(">99%");
        assertThat(SmallNumbers.exactPercent(1, 300)).as("0.3%").isEqualTo("<1%");
        assertThat(SmallNumbers.exactPercent(0, 0)).isEqualTo("–");
    }

    @Test
    void differencesAreWorkedOutFromExactCountsWithHalvesRoundedAwayFromZero() {
        assertThat(SmallNumbers.points(2, 3, 3, 4)).as("66.7 − 75 = −8.3").isEqualTo(-8);
        assertThat(SmallNumbers.points(1, 2, 19, 40)).as("50 − 47.5 = +2.5").isEqualTo(3);
        assertThat(SmallNumbers.points(19, 40, 1, 2)).as("−2.5").isEqualTo(-3);
        assertThat(SmallNumbers.points(10, 12, 20, 24)).as("the same share").isZero();
        assertThat(SmallNumbers.points(100, 201, 1, 2)).as("49.75 − 50 = −0.25: level").isZero();
    }
}
