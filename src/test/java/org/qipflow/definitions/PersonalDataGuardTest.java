package org.qipflow.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What leads really paste into audit data, and what must still pass. */
class PersonalDataGuardTest {

    @Test
    void patientNumbersAreRefusedInAnySpacingOrPunctuation() {
        // 943 476 5919 is a valid NHS number; 010101 1237 a CHI number; 320 000 0007 an H&C number
        for (String value : new String[] {"9434765919", "943 476 5919", "943-476-5919", "943.476.5919", "9434 765 919",
                "943 476  5919", "(943) 476-5919", "9 4 3 4 7 6 5 9 1 9", "NHS no: 943_476_5919", "943–476–5919",
                "ref 12 943 476 5919", "0101011237", "010101 1237", "CHI 01-01-01-1237", "320 000 0007"}) {
            assertThat(PersonalDataGuard.problem(value)).as(value).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("looks like an NHS, CHI or H&C number").doesNotContain("5919", "1237"));
        }
        assertThat(PersonalDataGuard.problem("9434765918")).as("wrong check digit").isEmpty();
        assertThat(PersonalDataGuard.problem("0000000000")).as("not a number anyone is given").isEmpty();
    }

    @Test
    void contactDetailsAreRefused() {
        for (String value : new String[] {"07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700 900 123",
                "0161 496 0000", "020 7946 0000", "tel. 0113-496-0000"}) {
            assertThat(PersonalDataGuard.problem(value)).as(value).hasValue(
                    "looks like a phone number. Audit data are pseudonymous: never enter contact details");
        }
        for (String value : new String[] {"jo.bloggs@nhs.net", "contact Jo.Bloggs@Trust.NHS.uk please",
                "jo.bloggs (at) nhs.net", "o'neill+audit@example.org"}) {
            assertThat(PersonalDataGuard.problem(value)).as(value).hasValue(
                    "looks like an email address. Audit data are pseudonymous: never enter contact details");
        }
        assertThat(PersonalDataGuard.problem("lives SW1A 1AA")).hasValueSatisfying(p -> assertThat(p).contains("postcode"));
    }

    @Test
    void datesOfBirthAreRefusedInFreeTextOnly() {
        for (String value : new String[] {"DOB 12/03/1980", "d.o.b. 12-03-80", "born 3rd March 1975",
                "Date of birth: 1975-03-12", "pt born on 12.3.1975, on lithium"}) {
            assertThat(PersonalDataGuard.textProblem(value)).as(value).hasValue(
                    "looks like a date of birth. Audit data are pseudonymous: never enter dates of birth");
        }
        assertThat(PersonalDataGuard.textProblem("reviewed 12/03/2024, level 0.6 mmol/L")).isEmpty();
        assertThat(PersonalDataGuard.textProblem("stable since birth of her child")).isEmpty();
        assertThat(PersonalDataGuard.problem("1980-03-12")).as("a date field holds dates").isEmpty();
    }

    @Test
    void pseudonymsMadeOfANameAndAYearAreRefused() {
        for (String value : new String[] {"JSmith1975", "smith-1990", "1985JOHN", "Mary_2001"}) {
            assertThat(PersonalDataGuard.pseudonymProblem(value)).as(value)
                    .hasValueSatisfying(p -> assertThat(p).startsWith("looks like a name and a year"));
        }
        for (String value : new String[] {"P001", "P0012", "LI-2024-001", "WARD-2024-01", "T01", "PTS1985", "A1975"}) {
            assertThat(PersonalDataGuard.pseudonymProblem(value)).as(value).isEmpty();
        }
        assertThat(PersonalDataGuard.pseudonymProblem("943 476 5919")).isPresent();
    }

    @Test
    void numbersAuditsAskForPass() {
        for (String value : new String[] {"12", "0.6", "1200", "2024-03-12", "12/03/2024", "20000", "T01, T02",
                "seen 3 times in 12 months", "Trust R1A"}) {
            assertThat(PersonalDataGuard.textProblem(value)).as(value).isEmpty();
        }
    }
}
