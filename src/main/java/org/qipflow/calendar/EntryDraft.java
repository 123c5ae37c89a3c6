package org.qipflow.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a calendar entry should say now: whole days ({@code startDate} to {@code lastDate}, both
 * included) or a moment ({@code at}, a deadline). Comparing it with what was published decides
 * whether subscribers get an update.
 *
 * @param tentative proposed, not yet decided (iCalendar {@code STATUS:TENTATIVE}), like a programme's next round
 */
public record EntryDraft(String uid, String summary, String description, String url, LocalDate startDate,
        LocalDate lastDate, Instant at, boolean tentative) {

    public static EntryDraft days(String uid, String summary, String description, String url, LocalDate first,
            LocalDate last) {
        return new EntryDraft(uid, summary, description, url, first, last, null, false);
    }

    public static EntryDraft moment(String uid, String summary, String description, String url, Instant at) {
        return new EntryDraft(uid, summary, description, url, null, null, at, false);
    }

    /** The same entry, proposed rather than decided. */
    public EntryDraft asTentative() {
        return new EntryDraft(uid, summary, description, url, startDate, lastDate, at, true);
    }

    boolean allDay() {
        return at == null;
    }
}
