package org.qipflow.programmes;

import java.time.Instant;

/**
 * One audit round of a programme, with its timeline; closed and published once those steps have run.
 * {@code definitionVersion} is the version of the programme's audit definition its records follow.
 */
public record Cycle(
        long id,
        String programmeCode,
        String programmeTitle,
        CycleKind kind,
        int number,
        Milestones milestones,
        Instant createdAt,
        Instant closedAt,
        Instant publishedAt,
        int version,
        int definitionVersion) {

    /** "QIP-7 re-audit (cycle 2)" */
    public String title() {
        return programmeCode + " " + kind.label().toLowerCase(java.util.Locale.ROOT) + " (cycle " + number + ")";
    }
}
