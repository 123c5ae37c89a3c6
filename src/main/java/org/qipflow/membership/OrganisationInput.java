package org.qipflow.membership;

/**
 * An organisation as typed into a form, posted as JSON or read from a CSV row: text only, so every
 * problem can be reported against its field instead of failing on the first one.
 * A blank {@code membershipEnds} means the end of its first term (31 December this year, or next year
 * when this year's renewal decision would already be due) for a new organisation and
 * "unchanged" for an existing one.
 */
public record OrganisationInput(
        String code,
        String name,
        String nation,
        String type,
        String leadName,
        String leadEmail,
        String leadJobTitle,
        String membershipEnds) {
}
