package org.qipflow.programmes;

/** Published, within the publishing transaction, when a cycle's reports are first published. */
public record CyclePublished(long cycleId, String programmeCode) {
}
