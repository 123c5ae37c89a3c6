package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallNumbersTest {

    @Test
    void countsAtTheBoundaries() {
        assertThat(SmallNumbers.count(0)).isEqualTo("0");
        assertThat(SmallNumbers.count(1)).isEqualTo("*");
        assertThat(SmallNumbers.count(7)).isEqualTo("*");
        assertThat(SmallNumbers.count(8)).isEqualTo("10");
        assertThat(SmallNumbers.count(12)).isEqualTo("10");
        assertThat(SmallNumbers.count(13)).isEqualTo("15");
        assertThat(SmallNumbers.count(102)).isEqualTo("100");
        assertThatThrownBy(() -> SmallNumbers.count(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentagesComeFromTheRoundedCounts() {
        // 13 of 22: rounded 15 of 20 = 75%, not the exact 59%
        assertThat(SmallNumbers.percent(13, 22)).isEqualTo("75%");
        assertThat(SmallNumbers.percent(0, 12)).isEqualTo("0%");
        assertThat(SmallNumbers.percent(8, 8)).isEqualTo("100%");
        assertThat(SmallNumbers.percent(12, 13)).as("10 of 15").isEqualTo("67%");
        assertThat(SmallNumbers.percent(7, 40)).as("a suppressed numerator").isEqualTo("*");
        assertThat(SmallNumbers.percent(0, 7)).as("a suppressed denominator").isEqualTo("*");
        assertThat(SmallNumbers.percent(0, 0)).isEqualTo("–");
        assertThat(SmallNumbers.percent(38, 38)).as("never above 100%").isEqualTo("100%");
    }
}
