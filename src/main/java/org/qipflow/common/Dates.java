package org.qipflow.common;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates read in messages: "Mon 26 Apr 2027 17:00" UK time. */
public final class Dates {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private Dates() {
    }

    public static String format(ZonedDateTime moment) {
        return moment.withZoneSameInstant(UkTime.ZONE).format(READABLE);
    }
}
