package org.qipflow.topics;

/** Where a topic is in {@code topic-nomination.bpmn}. */
public enum TopicStatus {
    AWAITING_CONFIRMATION("Waiting for the proposer to confirm their address"),
    SCREENING("Under consideration"),
    QUESTION_ASKED("Under consideration: the proposer has been asked for more"),
    ADOPTED("Adopted"),
    DECLINED("Declined");

    private final String label;

    TopicStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Confirmed and not yet decided: on the public list as under consideration, open to votes if shortlisted. */
    public boolean underConsideration() {
        return this == SCREENING || this == QUESTION_ASKED;
    }
}
