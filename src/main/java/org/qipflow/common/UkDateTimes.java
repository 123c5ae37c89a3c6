package org.qipflow.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the date-times people and integrations send: ISO-8601 with an offset, or without one (taken
 * as UK time), or a plain date (taken as the given time of day, UK time).
 */
public final class UkDateTimes {

    private UkDateTimes() {
    }

    public static ZonedDateTime parse(String field, String value, LocalTime timeForPlainDate) {
        String text = value == null ? "" : value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atTime(timeForPlainDate).atZone(UkTime.ZONE);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).atZoneSameInstant(UkTime.ZONE);
            }
            return LocalDateTime.parse(text).atZone(UkTime.ZONE);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + text + "' is not a date-time; use ISO-8601 like "
                    + "2027-03-01T09:00 (UK time), 2027-03-01T09:00:00Z or 2027-03-01");
        }
    }
}
