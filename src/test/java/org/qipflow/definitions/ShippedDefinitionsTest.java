package org.qipflow.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qipflow.definitions.RecordCheckerTest.record;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qipflow.common.FieldProblem;

/** The three shipped definitions, on hand-made records whose right answers are worked out below. */
class ShippedDefinitionsTest {

    static final AuditDefinitions DEFINITIONS = new AuditDefinitions();

    static List<Map<String, Object>> checked(AuditDefinition definition, List<Map<String, String>> raws) {
        return raws.stream().map(raw -> {
            CheckedRecord checked = RecordChecker.check(definition, raw);
            assertThat(checked.errors()).as(raw.toString()).isEmpty();
            return checked.values();
        }).toList();
    }

    @Test
    void allThreeLoadAndNothingElse() {
        assertThat(DEFINITIONS.all()).extracting(AuditDefinition::id)
                .containsExactly("high-dose-antipsychotics", "lithium-monitoring", "physical-health-antipsychotics");
    }

    @Test
    void lithiumMonitoring() {
        AuditDefinition lithium = DEFINITIONS.get("lithium-monitoring");
        List<Map<String, Object>> records = checked(lithium, List.of(
                // R1: long-term, lithium level yes, renal yes, thyroid no
                record("age", "50", "lithiumStartedInLastYear", "no", "serumLithiumLast3Months", "yes",
                        "lastLithiumLevel", "0.7", "renalLast6Months", "yes", "thyroidLast6Months", "no"),
                // R2: new, baseline weight missing, no lithium level
                record("age", "40", "lithiumStartedInLastYear", "yes", "baselineRenal", "yes", "baselineThyroid", "yes",
                        "baselineWeight", "no", "serumLithiumLast3Months", "no", "renalLast6Months", "yes",
                        "thyroidLast6Months", "yes"),
                // R3: new, full baseline, renal not repeated
                record("age", "70", "lithiumStartedInLastYear", "yes", "baselineRenal", "yes", "baselineThyroid", "yes",
                        "baselineWeight", "yes", "serumLithiumLast3Months", "yes", "lastLithiumLevel", "0.5",
                        "renalLast6Months", "no", "thyroidLast6Months", "yes"),
                // R4: long-term, everything done
                record("age", "35", "lithiumStartedInLastYear", "no", "serumLithiumLast3Months", "yes",
                        "renalLast6Months", "yes", "thyroidLast6Months", "yes")));

        assertThat(Standards.figures(lithium, records)).containsExactly(
                new StandardFigure("S1", 3, 4),   // R1, R3, R4 had a level
                new StandardFigure("S2", 3, 4),   // all but R3
                new StandardFigure("S3", 3, 4),   // all but R1
                new StandardFigure("S4", 1, 2));  // applies to R2 and R3; R2 lacks weight
    }

    @Test
    void lithiumQuestionsAndWarnings() {
        AuditDefinition lithium = DEFINITIONS.get("lithium-monitoring");

        CheckedRecord baselineMissing = RecordChecker.check(lithium, record("age", "40", "lithiumStartedInLastYear",
                "yes", "serumLithiumLast3Months", "no", "renalLast6Months", "yes", "thyroidLast6Months", "yes"));
        assertThat(baselineMissing.errors()).extracting(FieldProblem::field)
                .containsExactly("baselineRenal", "baselineThyroid", "baselineWeight");

        CheckedRecord high = RecordChecker.check(lithium, record("age", "40", "lithiumStartedInLastYear", "no",
                "serumLithiumLast3Months", "yes", "lastLithiumLevel", "1.6", "renalLast6Months", "yes",
                "thyroidLast6Months", "yes"));
        assertThat(high.valid()).isTrue();
        assertThat(high.warnings()).extracting(FieldProblem::message).singleElement().asString().contains("1.2 mmol/L");
        assertThat(RecordChecker.check(lithium, record("age", "17")).errors()).extracting(FieldProblem::field)
                .contains("age");
    }

    @Test
    void highDoseAndCombinedAntipsychotics() {
        AuditDefinition antipsychotics = DEFINITIONS.get("high-dose-antipsychotics");
        List<Map<String, Object>> records = checked(antipsychotics, List.of(
                record("age", "30", "setting", "inpatient", "antipsychoticCount", "1", "totalDosePercentBnf", "80"),
                record("age", "45", "setting", "community", "antipsychoticCount", "2", "totalDosePercentBnf", "90",
                        "rationaleDocumented", "yes"),
                record("age", "52", "setting", "inpatient", "antipsychoticCount", "1", "totalDosePercentBnf", "150",
                        "rationaleDocumented", "no", "ecgRecorded", "yes"),
                record("age", "61", "setting", "Inpatient", "antipsychoticCount", "3", "totalDosePercentBnf", "250",
                        "rationaleDocumented", "yes", "ecgRecorded", "no")));

        assertThat(Standards.figures(antipsychotics, records)).containsExactly(
                new StandardFigure("S1", 2, 4),   // 80% and 90% are within the BNF maximum
                new StandardFigure("S2", 2, 4),   // single antipsychotic: first and third
                new StandardFigure("S3", 2, 3),   // combined or high dose: 2nd, 3rd, 4th; rationale in 2nd and 4th
                new StandardFigure("S4", 1, 2));  // high dose: 3rd and 4th; ECG in the 3rd
    }

    @Test
    void antipsychoticRules() {
        AuditDefinition antipsychotics = DEFINITIONS.get("high-dose-antipsychotics");

        CheckedRecord veryHigh = RecordChecker.check(antipsychotics, record("age", "30", "setting", "inpatient",
                "antipsychoticCount", "1", "totalDosePercentBnf", "250", "rationaleDocumented", "yes", "ecgRecorded", "yes"));
        assertThat(veryHigh.warnings()).extracting(FieldProblem::message).singleElement().asString().contains("200%");

        CheckedRecord noDose = RecordChecker.check(antipsychotics, record("age", "30", "setting", "inpatient",
                "antipsychoticCount", "1", "totalDosePercentBnf", "0"));
        assertThat(noDose.errors()).extracting(FieldProblem::message).singleElement().asString().contains("cannot be 0%");
        assertThat(noDose.errors()).extracting(FieldProblem::field).as("shown next to the dose")
                .containsExactly("totalDosePercentBnf");

        CheckedRecord notAsked = RecordChecker.check(antipsychotics, record("age", "30", "setting", "inpatient",
                "antipsychoticCount", "1", "totalDosePercentBnf", "50", "ecgRecorded", "yes"));
        assertThat(notAsked.errors()).extracting(FieldProblem::field).containsExactly("ecgRecorded");
    }

    @Test
    void physicalHealthScreeningWithAllOrNone() {
        AuditDefinition screening = DEFINITIONS.get("physical-health-antipsychotics");
        List<Map<String, Object>> records = checked(screening, List.of(
                record("age", "44", "bloodPressure", "yes", "bmi", "yes", "glucose", "yes", "lipids", "yes",
                        "smoking", "yes", "smokingStatus", "smoker", "stopSmokingOffered", "yes",
                        "interventions", "diet|referral"),
                record("age", "39", "bloodPressure", "yes", "bmi", "yes", "glucose", "no", "lipids", "yes",
                        "smoking", "yes", "smokingStatus", "never"),
                record("age", "58", "bloodPressure", "yes", "bmi", "yes", "glucose", "yes", "lipids", "yes",
                        "smoking", "yes", "smokingStatus", "Smoker", "stopSmokingOffered", "no"),
                record("age", "27", "bloodPressure", "no", "bmi", "no", "glucose", "no", "lipids", "no",
                        "smoking", "no")));

        assertThat(Standards.figures(screening, records)).containsExactly(
                new StandardFigure("S1", 3, 4),
                new StandardFigure("S2", 3, 4),
                new StandardFigure("S3", 2, 4),   // glucose missing in the 2nd and 4th
                new StandardFigure("S4", 3, 4),
                new StandardFigure("S5", 3, 4),
                new StandardFigure("S6", 1, 2),   // two smokers, help offered to one
                new StandardFigure("ALL", 2, 4)); // the 1st and 3rd had all five
    }
}
