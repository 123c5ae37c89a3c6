package org.qipflow.membership;

/** Headline figures for the coordinator's home page. */
public record MembershipCounts(long active, long inactive, long renewalsDue) {
}
