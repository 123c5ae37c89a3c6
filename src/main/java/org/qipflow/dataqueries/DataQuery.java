package org.qipflow.dataqueries;

import java.time.Instant;

/** A question about an organisation's data, optionally about one record, and its answer once given. */
public record DataQuery(long id, long cycleId, String organisationCode, Long recordId, String recordLabel,
        String question, String askedBy, Instant askedAt, String answer, Instant answeredAt) {

    public boolean answered() {
        return answeredAt != null;
    }
}
