package org.qipflow.programmes;

import java.time.Instant;
import java.util.Locale;

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

    /** "QIP-7 Monitoring of lithium: re-audit (round 2)": the programme as people know it, and the round. */
    public String title() {
        return programmeCode + " " + programmeTitle + ": " + kind.label().toLowerCase(Locale.ROOT) + " (round " + number
                + ")";
    }

    /** "Re-audit (round 2)", for a list of the programme's rounds. */
    public String roundLabel() {
        return kind.label() + " (round " + number + ")";
    }
}
