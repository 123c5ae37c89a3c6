package org.qipflow.submissions;

import java.time.Instant;

/** One entry of a record's history: who created, changed or deleted it, and when. */
public record RecordChange(long recordId, String teamCode, String pseudonym, String action, String changedBy,
        Instant changedAt) {
}
