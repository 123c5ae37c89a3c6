package org.qipflow.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;

class OrganisationValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static OrganisationInput valid() {
        return new OrganisationInput(" rv3 ", " Test Trust ", "Wales", "independent provider", "A Lead",
                "a.lead@nhs.net", "Chief Pharmacist", "");
    }

    @Test
    void normalisesAValidOrganisation() {
        OrganisationDetails details = OrganisationValidator.validate(valid(), TODAY);

        assertThat(details.code()).isEqualTo("RV3");
        assertThat(details.name()).isEqualTo("Test Trust");
        assertThat(details.nation()).isEqualTo(Nation.WALES);
        assertThat(details.type()).isEqualTo(OrganisationType.INDEPENDENT);
        assertThat(details.membershipEnds()).isNull();
    }

    @Test
    void reportsEveryEmptyRequiredField() {
        OrganisationInput empty = new OrganisationInput("", null, "", " ", "", "", "", null);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> OrganisationValidator.validate(empty, TODAY));

        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("code", "name", "nation", "type",
                "localLead.name", "localLead.email", "localLead.jobTitle");
    }

    @Test
    void membershipMustEndOn31DecemberAndNotInThePast() {
        assertThat(problemFor("membershipEnds", "2027-06-30")).contains("31 December");
        assertThat(problemFor("membershipEnds", "2025-12-31")).contains("past");
        assertThat(problemFor("membershipEnds", "31/12/2027")).contains("2026-12-31");
        assertThat(OrganisationValidator.validate(withEnds("2026-12-31"), TODAY).membershipEnds())
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void codesLookLikeOdsCodesAndEmailsLikeEmails() {
        OrganisationInput input = new OrganisationInput("AB", "n", "England", "NHS_TRUST", "l", "a@b", "t", "");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> OrganisationValidator.validate(input, TODAY));

        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("code", "localLead.email");
    }

    @Test
    void longTextIsRefusedWithTheLimit() {
        OrganisationInput input = new OrganisationInput("RV3", "x".repeat(201), "England", "NHS_TRUST", "l",
                "a@b.nhs.uk", "t", "");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> OrganisationValidator.validate(input, TODAY));

        assertThat(e.problems()).singleElement()
                .isEqualTo(new FieldProblem("name", "Organisation name must be 200 characters or fewer"));
    }

    private static OrganisationInput withEnds(String ends) {
        OrganisationInput v = valid();
        return new OrganisationInput(v.code(), v.name(), v.nation(), v.type(), v.leadName(), v.leadEmail(),
                v.leadJobTitle(), ends);
    }

    private static String problemFor(String field, String ends) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> OrganisationValidator.validate(withEnds(ends), TODAY));
        return e.problems().stream().filter(p -> p.field().equals(field)).findFirst().orElseThrow().message();
    }
}
