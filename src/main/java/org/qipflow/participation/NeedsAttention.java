package org.qipflow.participation;

import java.time.Instant;

import org.qipflow.programmes.Cycle;

/** An organisation a coordinator should look at today: late, or close to its deadline with nothing submitted. */
public record NeedsAttention(Cycle cycle, String organisationCode, String organisationName, ParticipantStatus status,
        Instant deadline) {
}
