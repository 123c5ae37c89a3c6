package org.qipflow.topics;

import java.time.Instant;

/**
 * A proposed topic. The proposer's name, organisation and email are for the programme team only:
 * public pages and members' votes never show them.
 */
public record Topic(long id, String title, String problem, String niceGuidance, String whyNow, String proposerName,
        String proposerOrganisation, String proposerEmail, TopicStatus status, boolean shortlisted, String question,
        String answer, int questionsAsked, String decisionReasons, String programmeCode, String programmeTitle,
        Instant createdAt, Instant confirmedAt, Instant decidedAt, int version) {

    /** Where the proposer said what the NICE guidance is, or that there is none. */
    public boolean noNiceGuidance() {
        return niceGuidance.equalsIgnoreCase("none");
    }
}
