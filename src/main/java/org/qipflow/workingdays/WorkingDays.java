package org.qipflow.workingdays;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.qipflow.membership.Nation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/** Which days are working days in each nation, from the bank-holiday file under {@code calendar/}. */
@Service
public class WorkingDays {

    static final String HOLIDAYS = "calendar/bank-holidays.csv";
    private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);

    private final Map<Nation, Map<LocalDate, String>> holidays;
    private final ClosureDays closures;

    @Autowired
    WorkingDays(Clock clock, ClosureDays closures) {
        this(load(new ClassPathResource(HOLIDAYS)), closures);
        int nextYear = LocalDate.now(clock).getYear() + 1;
        if (holidays.values().stream().noneMatch(days -> days.keySet().stream().anyMatch(d -> d.getYear() == nextYear))) {
            log.warn("{} has no bank holidays for {}: deadlines then will only avoid weekends. Add the year's dates.",
                    HOLIDAYS, nextYear);
        }
    }

    /** Bank holidays only, without the closure days in the database. */
    WorkingDays(Map<Nation, Map<LocalDate, String>> holidays) {
        this(holidays, null);
    }

    WorkingDays(Map<Nation, Map<LocalDate, String>> holidays, ClosureDays closures) {
        this.holidays = holidays;
        this.closures = closures;
    }

    public boolean isWorkingDay(LocalDate date, Nation nation) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && holiday(date, nation).isEmpty();
    }

    /** The bank holiday, or the programme team's closure day, on that date, if there is one. */
    public Optional<String> holiday(LocalDate date, Nation nation) {
        String bankHoliday = holidays.getOrDefault(nation, Map.of()).get(date);
        if (bankHoliday != null || closures == null) {
            return Optional.ofNullable(bankHoliday);
        }
        return closures.name(date, nation);
    }

    /** The same date if it is a working day, else the next one. */
    public LocalDate onOrAfter(LocalDate date, Nation nation) {
        LocalDate day = date;
        while (!isWorkingDay(day, nation)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The working day that is {@code days} working days after {@code date} (the date itself not counted). */
    public LocalDate plusWorkingDays(LocalDate date, int days, Nation nation) {
        LocalDate day = date;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day, nation)) {
                counted++;
            }
        }
        return day;
    }

    /** The same moment if its date is a working day, else the same time of day on the next working day. */
    public ZonedDateTime onOrAfter(ZonedDateTime moment, Nation nation) {
        LocalDate day = onOrAfter(moment.toLocalDate(), nation);
        return day.equals(moment.toLocalDate()) ? moment : moment.with(day);
    }

    static Map<Nation, Map<LocalDate, String>> load(ClassPathResource file) {
        Map<Nation, Map<LocalDate, String>> byNation = new EnumMap<>(Nation.class);
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .setTrim(true).get();
            for (CSVRecord row : format.parse(reader)) {
                byNation.computeIfAbsent(Nation.valueOf(row.get("nation")), n -> new HashMap<>())
                        .put(LocalDate.parse(row.get("date")), row.get("name"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getPath(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Bad line in " + file.getPath() + ": " + e.getMessage(), e);
        }
        return byNation;
    }
}
