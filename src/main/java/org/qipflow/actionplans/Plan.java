package org.qipflow.actionplans;

import java.time.Instant;
import java.util.List;

/** An organisation's action plan for a published round, with the interventions it chose and its actions. */
record Plan(long id, long cycleId, String organisationCode, Status status, Instant createdAt, Instant submittedAt,
        Instant completedAt, List<Long> interventionIds, List<PlanAction> actions) {

    enum Status {
        WRITING("Not yet submitted"), IN_PROGRESS("In progress"), COMPLETED("Complete");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean writing() {
        return status == Status.WRITING;
    }

    /** How far the plan has got, e.g. "2 of 5 actions done". */
    public String progress() {
        long done = actions.stream().filter(a -> a.status() == PlanAction.Status.DONE).count();
        long counted = actions.stream().filter(a -> a.status() != PlanAction.Status.DROPPED).count();
        return done + " of " + counted + (counted == 1 ? " action done" : " actions done");
    }
}
