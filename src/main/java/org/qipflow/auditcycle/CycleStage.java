package org.qipflow.auditcycle;

/**
 * Where a cycle is, worked out in one place ({@link CycleTracker#stage}) for the cycle page, the API and
 * the dashboard. The stages between close and publication are the process's background steps.
 */
public enum CycleStage {
    /** Organisations can still submit, late ones included. */
    SUBMISSION_OPEN(null),
    CLOSING_SUBMISSION("Closing submission"),
    ANALYSING("Analysing the data"),
    AWAITING_REVIEW(null),
    PUBLISHING("Publishing the reports"),
    PUBLISHED(null);

    private final String working;

    CycleStage(String working) {
        this.working = working;
    }

    /** What the cycle's background steps are doing, or null when it waits for nobody but people. */
    public String working() {
        return working;
    }
}
