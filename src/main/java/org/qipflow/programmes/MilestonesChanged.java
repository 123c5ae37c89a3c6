package org.qipflow.programmes;

import java.util.Set;

/** Published, within the rescheduling transaction, when milestones of a cycle have moved. */
public record MilestonesChanged(long cycleId, Set<Milestone> moved) {
}
