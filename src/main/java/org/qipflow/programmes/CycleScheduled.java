package org.qipflow.programmes;

/** Published, within the scheduling transaction, when a new cycle has its timeline. */
public record CycleScheduled(long cycleId) {
}
