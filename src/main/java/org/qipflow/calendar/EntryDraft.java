package org.qipflow.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a calendar entry should say now: whole days ({@code startDate} to {@code lastDate}, both
 * included) or a moment ({@code at}, a deadline). Comparing it with what was published decides
 * whether subscribers get an update.
 */
public record EntryDraft(String uid, String summary, String description, String url, LocalDate startDate,
        LocalDate lastDate, Instant at) {

    public static EntryDraft days(String uid, String summary, String description, String url, LocalDate first,
            LocalDate last) {
        return new EntryDraft(uid, summary, description, url, first, last, null);
    }

    public static EntryDraft moment(String uid, String summary, String description, String url, Instant at) {
        return new EntryDraft(uid, summary, description, url, null, null, at);
    }

    boolean allDay() {
        return at == null;
    }
}
