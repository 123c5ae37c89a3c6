package org.qipflow.membership;

/** Published, within the same transaction, when an organisation nominates a new local lead. */
public record LocalLeadChanged(String organisationCode) {
}
