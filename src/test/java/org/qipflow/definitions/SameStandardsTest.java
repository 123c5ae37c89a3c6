package org.qipflow.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** A re-audit keeps the baseline's standards: which changes of a new definition version break them. */
class SameStandardsTest {

    private static final String LITHIUM = read();

    private static String read() {
        try {
            return Files.readString(Path.of("forms", "lithium-monitoring.v1.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Version 2 of lithium-monitoring: version 1 with each pair (from, to) replaced. */
    private static AuditDefinition version2(String... fromAndTo) {
        String json = LITHIUM.replace("\"version\": 1", "\"version\": 2");
        for (int i = 0; i < fromAndTo.length; i += 2) {
            if (!json.contains(fromAndTo[i])) {
                throw new AssertionError("Nothing to replace: " + fromAndTo[i]);
            }
            json = json.replace(fromAndTo[i], fromAndTo[i + 1]);
        }
        return DefinitionReader.read("forms/lithium-monitoring.v2.json",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static final AuditDefinition BASELINE = DefinitionReader.read("forms/lithium-monitoring.v1.json",
            new ByteArrayInputStream(LITHIUM.getBytes(StandardCharsets.UTF_8)));

    @Test
    void aNewVersionMayAddQuestionsAndStandardsAndRewordAStandard() {
        AuditDefinition later = version2("{ \"name\": \"thyroidLast6Months\"",
                "{ \"name\": \"weightLast12Months\", \"label\": \"Was weight recorded in the past 12 months?\", "
                        + "\"type\": \"yesno\", \"required\": false },\n    { \"name\": \"thyroidLast6Months\"",
                "\"text\": \"Serum lithium level measured in the past 3 months\"",
                "\"text\": \"Serum lithium measured within 3 months\"",
                "\"target\": 100 }\n  ]", "\"target\": 100 },\n    { \"id\": \"S5\", \"text\": \"Weight recorded\", "
                        + "\"source\": \"NICE CG185\", \"meets\": \"weightLast12Months = true\" }\n  ]");

        assertThat(SameStandards.changes(BASELINE, later)).isEmpty();
    }

    @Test
    void aStandardMetByOtherRecordsWithAnotherTargetOrGoneIsNamed() {
        assertThat(SameStandards.changes(BASELINE, version2("\"meets\": \"renalLast6Months = true\"",
                "\"meets\": \"renalLast6Months = true and thyroidLast6Months = true\"")))
                .containsExactly("S2 (Renal function (eGFR) measured in the past 6 months) is met by different records "
                        + "in version 2");
        assertThat(SameStandards.changes(BASELINE, version2("\"appliesTo\": \"lithiumStartedInLastYear = true\"",
                "\"appliesTo\": \"age >= 65\""))).singleElement().asString()
                .startsWith("S4 (Before lithium was started").endsWith("applies to different records in version 2");
        assertThat(SameStandards.changes(BASELINE, version2("\"meets\": \"thyroidLast6Months = true\", \"target\": 100",
                "\"meets\": \"thyroidLast6Months = true\", \"target\": 90")))
                .containsExactly("S3 (Thyroid function measured in the past 6 months) has the target 90% in version 2 "
                        + "instead of 100%");
    }

    @Test
    void aQuestionAStandardReadsMustAcceptTheSameAnswers() {
        // S1 counts records with a level measured; asking it only of older patients changes who can meet it
        assertThat(SameStandards.changes(BASELINE, version2(
                "\"type\": \"yesno\", \"required\": true },\n    { \"name\": \"lastLithiumLevel\"",
                "\"type\": \"yesno\", \"required\": true, \"when\": \"age >= 65\", \"whenText\": \"Only from 65.\" },"
                        + "\n    { \"name\": \"lastLithiumLevel\"")))
                .containsExactly("S1 (Serum lithium level measured in the past 3 months) rests on the question "
                        + "'Was a serum lithium level measured in the past 3 months?', whose answers change in version 2");
    }
}
