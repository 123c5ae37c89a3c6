package org.qipflow.workingdays;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.membership.Nation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Closure days coordinators add on top of the bank holidays. Working-day questions are asked in
 * loops, so the days are kept in memory: reloaded at once on this node after a change, and within
 * {@link #RELOAD_AFTER} on the others of a cluster.
 */
@Service
public class ClosureDays {

    static final Duration RELOAD_AFTER = Duration.ofMinutes(1);
    private static final String ALL = ClosureDayRepository.ALL;

    private final ClosureDayRepository days;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(List<ClosureDay> days, Instant at) {
    }

    ClosureDays(ClosureDayRepository days, ApplicationEventPublisher events, Clock clock) {
        this.days = days;
        this.events = events;
        this.clock = clock;
    }

    /** Every closure day, earliest first. */
    @Transactional(readOnly = true)
    public List<ClosureDay> list() {
        return days.findAll();
    }

    /** Adds a closure day; the same day for the same nations twice is one day. Problems name the field. */
    @Transactional
    public void add(String date, String nation, String name, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = null;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("date", "Enter the day as YYYY-MM-DD, for example 2027-12-29"));
        }
        String scope = nation.isBlank() ? ALL : nation.strip().toUpperCase(Locale.ROOT);
        if (!scope.equals(ALL) && Arrays.stream(Nation.values()).noneMatch(n -> n.name().equals(scope))) {
            problems.add(new FieldProblem("nation", "Choose a nation, or all nations"));
        }
        if (name.isBlank()) {
            problems.add(new FieldProblem("name", "Say why the day is closed, for example Christmas closure"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!days.exists(day, scope)) {
            days.insert(day, scope, name.strip(), by, clock.instant());
            changed();
        }
    }

    @Transactional
    public void remove(long id) {
        if (days.delete(id)) {
            changed();
        }
    }

    /** The closure day's name, if the day is one for the nation. */
    Optional<String> name(LocalDate day, Nation nation) {
        return current().stream().filter(c -> c.closes(day, nation)).map(ClosureDay::name).findFirst();
    }

    private List<ClosureDay> current() {
        Loaded now = loaded;
        if (now == null || now.at().plus(RELOAD_AFTER).isBefore(clock.instant())) {
            now = new Loaded(list(), clock.instant());
            loaded = now;
        }
        return now.days();
    }

    private void changed() {
        loaded = null;
        // and again once the change commits or rolls back, so nothing read inside it outlives it
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                loaded = null;
            }
        });
        events.publishEvent(new ClosureDaysChanged());
    }
}
