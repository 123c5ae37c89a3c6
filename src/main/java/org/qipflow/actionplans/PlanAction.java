package org.qipflow.actionplans;

import java.time.Instant;
import java.time.LocalDate;

/** One action of a plan: what, for which standard, whose, by when, how progress is measured, and where it stands. */
record PlanAction(long id, long planId, String standardId, String description, String ownerName, String ownerEmail,
        LocalDate dueOn, String measure, Status status, String statusNote, Instant createdAt, Instant closedAt) {

    enum Status {
        OPEN("Open", "blue"), BLOCKED("Blocked", "red"), DONE("Done", "green"), DROPPED("Dropped", "grey");

        private final String label;
        private final String colour;

        Status(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }
    }

    /** Open or blocked: the owner still has it. */
    public boolean open() {
        return status == Status.OPEN || status == Status.BLOCKED;
    }

    /** What the history records of an action. */
    enum Event { PLANNED, LINK_SENT, REMINDED, DONE, BLOCKED, CHANGED, REASSIGNED, DROPPED }

    record HistoryEntry(Event event, String actor, String detail, Instant takenAt) {
    }
}
