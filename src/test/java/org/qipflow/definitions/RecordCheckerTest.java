package org.qipflow.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qipflow.common.FieldProblem;

class RecordCheckerTest {

    static AuditDefinition everyType() throws IOException {
        try (InputStream in = RecordCheckerTest.class.getResourceAsStream("/test-forms/every-type.v1.json")) {
            return DefinitionReader.read("test-forms/every-type.v1.json", in);
        }
    }

    static Map<String, String> record(String... namesAndValues) {
        Map<String, String> raw = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            raw.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return raw;
    }

    static List<String> errorFields(CheckedRecord checked) {
        return checked.errors().stream().map(FieldProblem::field).toList();
    }

    @Test
    void readsEveryTypeIntoItsValue() throws IOException {
        CheckedRecord checked = RecordChecker.check(everyType(), record("count", "3", "dose", "1.25",
                "reviewed", "01/03/2027", "consented", "Yes", "ward", "Rehabilitation", "tests", "ecg|weight",
                "note", "fine"));

        assertThat(checked.errors()).isEmpty();
        assertThat(checked.values()).containsEntry("count", 3L).containsEntry("dose", new BigDecimal("1.25"))
                .containsEntry("reviewed", LocalDate.of(2027, 3, 1)).containsEntry("consented", true)
                .containsEntry("ward", "rehab").containsEntry("tests", List.of("ecg", "weight"))
                .containsEntry("note", "fine");
    }

    @Test
    void namesEveryBadValueWithTheReason() throws IOException {
        CheckedRecord checked = RecordChecker.check(everyType(), record("count", "3.5", "dose", "4",
                "reviewed", "31/02/2027", "consented", "maybe", "ward", "icu", "tests", "ecg|xray",
                "note", "x".repeat(21)));

        assertThat(errorFields(checked)).containsExactly("count", "dose", "reviewed", "consented", "ward", "tests",
                "note");
        assertThat(checked.errors().get(0).message()).contains("'3.5' is not a whole number");
        assertThat(checked.errors().get(1).message()).contains("outside the range 0.5 to 2.5");
        assertThat(checked.errors().get(4).message()).contains("acute, rehab");
    }

    @Test
    void requiredAndConditionalQuestions() throws IOException {
        assertThat(errorFields(RecordChecker.check(everyType(), record())))
                .containsExactlyInAnyOrder("count", "consented", "ward");
        assertThat(errorFields(RecordChecker.check(everyType(),
                record("count", "1", "consented", "no", "ward", "acute")))).containsExactly("reason");
        CheckedRecord notAsked = RecordChecker.check(everyType(),
                record("count", "1", "consented", "yes", "ward", "acute", "reason", "refused"));
        assertThat(notAsked.errors()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("reason");
            assertThat(p.message()).as("the condition in words, never the expression")
                    .isEqualTo("Leave this empty: the question is asked only if consent was refused")
                    .doesNotContain("consented = false");
        });
    }

    @Test
    void rulesGiveWarningsAndErrors() throws IOException {
        CheckedRecord warning = RecordChecker.check(everyType(), record("count", "10", "consented", "yes", "ward", "acute"));
        assertThat(warning.valid()).isTrue();
        assertThat(warning.warnings()).extracting(FieldProblem::message).containsExactly("A count of 10 is unusual");

        CheckedRecord error = RecordChecker.check(everyType(),
                record("count", "1", "consented", "yes", "ward", "acute", "tests", "ecg"));
        assertThat(error.errors()).extracting(FieldProblem::message).containsExactly("An ECG is only recorded with a dose");
    }

    @Test
    void refusesNhsNumbersAndPostcodesAnywhere() throws IOException {
        CheckedRecord checked = RecordChecker.check(everyType(), record("count", "1", "consented", "yes",
                "ward", "acute", "note", "943 476 5919"));
        assertThat(checked.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("NHS, CHI or H&C number")
                .doesNotContain("5919"));

        assertThat(RecordChecker.check(everyType(), record("count", "1", "consented", "yes", "ward", "acute",
                "note", "lives SW1A 1AA")).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("postcode"));
        assertThat(PersonalDataGuard.problem("9434765919")).isPresent();
        assertThat(PersonalDataGuard.problem("9434765918")).as("wrong check digit").isEmpty();
        assertThat(PersonalDataGuard.problem("P0012")).isEmpty();
        assertThat(PersonalDataGuard.problem("T01")).isEmpty();
    }

    @Test
    void aBadDefinitionFailsWithFileElementAndReason() {
        String json = """
                {"id":"bad","version":1,"title":"Bad","fields":[
                  {"name":"age","label":"Age","type":"number"}]}""";
        assertThat(readFailure("forms/bad.v1.json", json))
                .isEqualTo("forms/bad.v1.json: field 'age': unknown type 'number'; use one of integer, decimal, "
                        + "date, yesno, choice, multichoice, text");
        assertThat(readFailure("forms/bad.v1.json", """
                {"id":"bad","version":1,"title":"Bad","fields":[{"name":"age","label":"Age","type":"integer"}],
                 "standards":[{"id":"S1","text":"t","source":"s","meets":"age >"}]}"""))
                .startsWith("forms/bad.v1.json: standard 'S1': meets: 'age >' is not valid FEEL");
        assertThat(readFailure("forms/other.v1.json", """
                {"id":"bad","version":1,"title":"Bad","fields":[{"name":"age","label":"Age","type":"integer"}]}"""))
                .contains("the file must be called bad.v1.json");
    }

    @Test
    void aMisspeltNameInAnExpressionFailsAtLoad() {
        assertThat(readFailure("forms/typo.v1.json", """
                {"id":"typo","version":1,"title":"Typo","fields":[
                  {"name":"taken","label":"Taken","type":"yesno"},
                  {"name":"level","label":"Level","type":"decimal","when":"takn = true","whenText":"Only if taken."}]}"""))
                .startsWith("forms/typo.v1.json: field 'level': when: 'takn = true' uses a name that is not a field");
    }

    @Test
    void aConditionWithoutItsWordsFailsAtLoad() {
        assertThat(readFailure("forms/words.v1.json", """
                {"id":"words","version":1,"title":"Words","fields":[
                  {"name":"taken","label":"Taken","type":"yesno"},
                  {"name":"level","label":"Level","type":"decimal","when":"taken = true"}]}"""))
                .startsWith("forms/words.v1.json: field 'level': a field asked only 'when' something holds needs "
                        + "'whenText'");
    }

    @Test
    void decimalCommasAreRefusedNotMisread() throws IOException {
        CheckedRecord checked = RecordChecker.check(everyType(), record("count", "1", "dose", "1,5",
                "consented", "yes", "ward", "acute"));
        assertThat(checked.errors()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("dose");
            assertThat(p.message()).contains("use a point for decimals");
        });
    }

    @Test
    void aCycleKeepsTheDefinitionVersionItStartedWith() {
        String v1 = """
                {"id":"vers","version":1,"title":"V1","fields":[{"name":"age","label":"Age","type":"integer"}]}""";
        String v2 = v1.replace("\"version\":1", "\"version\":2").replace("V1", "V2");
        AuditDefinitions both = new AuditDefinitions(List.of(
                DefinitionReader.read("forms/vers.v2.json", new ByteArrayInputStream(v2.getBytes(StandardCharsets.UTF_8))),
                DefinitionReader.read("forms/vers.v1.json", new ByteArrayInputStream(v1.getBytes(StandardCharsets.UTF_8)))));

        assertThat(both.get("vers").title()).isEqualTo("V2");
        assertThat(both.get("vers", 1).title()).isEqualTo("V1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> both.get("vers", 3))
                .hasMessageContaining("keep every version's file");
    }

    @Test
    void feelCannotReachJava() {
        String json = """
                {"id":"evil","version":1,"title":"Evil","fields":[{"name":"age","label":"Age","type":"integer"}],
                 "standards":[{"id":"S1","text":"t","source":"s","meets":
                  "{max: function(a, b) external { java: { class: \\"Math\\", method signature: \\"max(int, int)\\" } }, r: max(1, 2) = 2}.r"}]}""";
        assertThat(readFailure("forms/evil.v1.json", json)).startsWith("forms/evil.v1.json: standard 'S1': meets:")
                .contains("External functions are disabled");
    }

    private static String readFailure(String file, String json) {
        try {
            DefinitionReader.read(file, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidDefinitionException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the definition to be refused");
    }
}
