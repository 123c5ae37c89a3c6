package org.qipflow.participation;

import java.time.Instant;
import java.util.List;

/** An organisation in a cycle, with its registered team codes. */
public record Participant(
        long id,
        long cycleId,
        String organisationCode,
        ParticipantStatus status,
        Instant joinedAt,
        Instant materialsSentAt,
        Instant confirmedAt,
        Instant deadlineExtension,
        Instant lateAt,
        Instant submittedAt,
        List<String> teams,
        int version) {

    /** Business key of this organisation's participation process instance. */
    public String businessKey() {
        return businessKey(cycleId, organisationCode);
    }

    public static String businessKey(long cycleId, String organisationCode) {
        return cycleId + ":" + organisationCode;
    }

    /** Reference under which emails about this participation are filed in the outbox. */
    String mailReference() {
        return "cycle:" + cycleId + ":" + organisationCode;
    }
}
