package org.qipflow.calendar;

import java.time.Instant;

/** A published calendar entry: the draft it was made from, its revision and whether it still stands. */
public record CalendarEntry(long id, long cycleId, String programmeCode, String organisationCode, EntryDraft draft,
        int sequence, boolean cancelled, Instant createdAt, Instant lastModified) {

    public String uid() {
        return draft.uid();
    }
}
