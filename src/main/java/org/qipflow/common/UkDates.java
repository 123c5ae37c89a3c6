package org.qipflow.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Dates as people in the UK type them, 31/3/2031, or as files carry them, 2031-03-31. */
public final class UkDates {

    /** Strict, so 31/2/2031 is refused rather than read as 28 February. */
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private UkDates() {
    }

    /** @return empty when the text is not a real date in either form */
    public static Optional<LocalDate> parse(String text) {
        try {
            return Optional.of(text.contains("/") ? LocalDate.parse(text.trim(), DAY_MONTH_YEAR)
                    : LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
