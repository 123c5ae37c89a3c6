package org.qipflow.membership;

/**
 * Published, within the same transaction, when an organisation nominates a new local lead: another person,
 * at another email address. A corrected name or a new job title is kept in the history but is not this.
 */
public record LocalLeadChanged(String organisationCode) {
}
