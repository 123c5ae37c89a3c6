package org.qipflow.membership;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.qipflow.common.EmailAddresses;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;

/**
 * Checks an {@link OrganisationInput} and reports every problem against its field, in words a
 * coordinator can act on. Field names are those of the JSON API ({@code localLead.email}).
 */
final class OrganisationValidator {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String NATION = "nation";
    static final String TYPE = "type";
    static final String LEAD_NAME = "localLead.name";
    static final String LEAD_EMAIL = "localLead.email";
    static final String LEAD_JOB_TITLE = "localLead.jobTitle";
    static final String MEMBERSHIP_ENDS = "membershipEnds";

    private static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3,6}");
    // Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is proven by the mail itself.
    private static final int MAX_TEXT = 200;

    private OrganisationValidator() {
    }

    /** @return the checked details, or throws {@link InvalidInputException} listing every problem */
    static OrganisationDetails validate(OrganisationInput input, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = normaliseCode(input.code());
        if (code.isEmpty()) {
            problems.add(new FieldProblem(CODE, "Enter the organisation code, for example RV3"));
        } else if (!ODS_CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(CODE,
                    "Organisation code must be 3 to 6 letters or digits, like an NHS ODS code (for example RV3)"));
        }
        String name = text(input.name(), NAME, "organisation name", problems);
        Nation nation = choice(input.nation(), NATION, problems);
        OrganisationType type = type(input.type(), problems);
        String leadName = text(input.leadName(), LEAD_NAME, "local lead's name", problems);
        String leadEmail = email(input.leadEmail(), problems);
        String leadJobTitle = text(input.leadJobTitle(), LEAD_JOB_TITLE, "local lead's job title", problems);
        LocalDate membershipEnds = membershipEnds(input.membershipEnds(), today, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new OrganisationDetails(code, name, nation, type,
                new LeadDetails(leadName, leadEmail, leadJobTitle), membershipEnds);
    }

    static String normaliseCode(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private static String text(String value, String field, String what, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            problems.add(new FieldProblem(field, "Enter the " + what));
        } else if (trimmed.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, capitalise(what) + " must be " + MAX_TEXT + " characters or fewer"));
        }
        return trimmed;
    }

    private static Nation choice(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "Select the nation: " + Nation.choices()));
            return null;
        }
        return Nation.parse(value).orElseGet(() -> {
            problems.add(new FieldProblem(field,
                    "'" + value.trim() + "' is not a nation we serve; use one of " + Nation.choices()));
            return null;
        });
    }

    private static OrganisationType type(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(TYPE, "Select the type of organisation: " + OrganisationType.choices()));
            return null;
        }
        return OrganisationType.parse(value).orElseGet(() -> {
            problems.add(new FieldProblem(TYPE,
                    "'" + value.trim() + "' is not an organisation type; use one of " + OrganisationType.choices()));
            return null;
        });
    }

    private static String email(String value, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            problems.add(new FieldProblem(LEAD_EMAIL, "Enter the local lead's email address"));
        } else if (!EmailAddresses.wellFormed(trimmed)) {
            problems.add(new FieldProblem(LEAD_EMAIL, EmailAddresses.WRONG_FORMAT));
        }
        return trimmed;
    }

    private static LocalDate membershipEnds(String value, LocalDate today, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getMonth() != Month.DECEMBER || date.getDayOfMonth() != 31) {
                problems.add(new FieldProblem(MEMBERSHIP_ENDS,
                        "Membership years run 1 January to 31 December: enter 31 December of the last year, like "
                                + today.getYear() + "-12-31"));
            } else if (date.isBefore(today)) {
                problems.add(new FieldProblem(MEMBERSHIP_ENDS, "Membership end must not be in the past"));
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(MEMBERSHIP_ENDS,
                    "Enter the membership end as a date like " + today.getYear() + "-12-31"));
            return null;
        }
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
