package org.qipflow.participation;

/** Where an organisation stands in a cycle. */
public enum ParticipantStatus {
    INVITED("Invited", "grey"),
    CONFIRMED("Taking part", "blue"),
    DECLINED("Not taking part", "grey"),
    SUBMITTED("Submitted", "green"),
    LATE("Late", "red"),
    SUBMITTED_LATE("Submitted late", "yellow"),
    NOT_SUBMITTED("No submission", "red");

    private final String label;
    private final String colour;

    ParticipantStatus(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    /** GOV.UK tag colour for the tracker. */
    public String colour() {
        return colour;
    }

    public boolean submitted() {
        return this == SUBMITTED || this == SUBMITTED_LATE;
    }

    /** Still expected to act in this cycle. */
    public boolean open() {
        return this == INVITED || this == CONFIRMED || this == LATE;
    }
}
