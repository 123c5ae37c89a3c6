package org.qipflow.common;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates read in messages: "Mon 26 Apr 2027 17:00" UK time, or "Mon 26 Apr 2027" for a day. */
public final class Dates {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private Dates() {
    }

    public static String format(ZonedDateTime moment) {
        return moment.withZoneSameInstant(UkTime.ZONE).format(READABLE);
    }

    public static String day(Instant moment) {
        return moment.atZone(UkTime.ZONE).format(DAY);
    }
}
