package org.qipflow.participation;

import java.time.Instant;

/** One organisation on the live submission tracker. */
public record TrackerRow(
        Participant participant,
        String organisationName,
        long records,
        String leadEmail,
        Instant deadline,
        boolean extended,
        String lastEmailSubject,
        Instant lastEmailAt) {
}
