package org.qipflow.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.qipflow.common.EmailAddresses;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;

/**
 * A topic as proposed on the public page, text as typed.
 *
 * @param website a field people never see: a program that fills every field fills it, and its proposal
 *                is dropped (while it is told, like everyone, to check its email)
 */
public record TopicProposal(String title, String problem, String niceGuidance, String whyNow, String proposerName,
        String proposerOrganisation, String proposerEmail, String website) {

    static final int LONG_TEXT = 4000;

    /** Whether a person could have sent it: the field hidden from people is empty. */
    boolean fromAPerson() {
        return website == null || website.isBlank();
    }

    /**
     * The proposal trimmed, or every problem with it by field.
     *
     * @param isMember whether an organisation code belongs to a member organisation
     */
    TopicProposal checked(Predicate<String> isMember) {
        List<FieldProblem> problems = new ArrayList<>();
        String checkedTitle = text("title", title, 200, "Enter the topic's title", problems);
        String checkedProblem = text("problem", problem, LONG_TEXT, "Describe the prescribing problem", problems);
        String checkedNice = text("niceGuidance", niceGuidance, 1000,
                "Name the NICE guidance it relates to, such as NG181, or write \"none\"", problems);
        String checkedWhyNow = text("whyNow", whyNow, LONG_TEXT, "Say why this topic matters now", problems);
        String checkedName = text("proposerName", proposerName, 200, "Enter your name", problems);
        String code = proposerOrganisation == null ? "" : proposerOrganisation.trim().toUpperCase(Locale.ROOT);
        if (code.isEmpty() || !isMember.test(code)) {
            problems.add(new FieldProblem("proposerOrganisation",
                    "Choose your organisation from the list: topics come from member organisations"));
        }
        String email = proposerEmail == null ? "" : proposerEmail.trim();
        if (email.isEmpty()) {
            problems.add(new FieldProblem("proposerEmail", "Enter your email address, so we can ask you about it"));
        } else if (!EmailAddresses.wellFormed(email)) {
            problems.add(new FieldProblem("proposerEmail", EmailAddresses.WRONG_FORMAT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new TopicProposal(checkedTitle, checkedProblem, checkedNice, checkedWhyNow, checkedName, code, email,
                null);
    }

    private static String text(String field, String value, int most, String missing, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            problems.add(new FieldProblem(field, missing));
        } else if (trimmed.length() > most) {
            problems.add(new FieldProblem(field, "Shorten this to " + String.format(Locale.UK, "%,d", most)
                    + " characters or fewer; it has " + String.format(Locale.UK, "%,d", trimmed.length())));
        }
        return trimmed;
    }
}
