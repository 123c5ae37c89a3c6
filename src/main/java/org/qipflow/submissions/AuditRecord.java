package org.qipflow.submissions;

import java.time.Instant;
import java.util.Map;

/** A stored record; {@code answers} are the canonical text of each answer, by field name. */
public record AuditRecord(long id, long cycleId, String organisationCode, String teamCode, String pseudonym,
        Map<String, String> answers, Instant createdAt, Instant updatedAt, int version) {
}
