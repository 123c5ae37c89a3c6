package org.qipflow.home;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.stereotype.Component;

/** Every programme's milestones in the coming weeks, soonest first. */
@Component
class ComingMilestones {

    static final Duration AHEAD = Duration.ofDays(42);
    static final int MOST = 12;

    record Coming(ZonedDateTime at, Cycle cycle, Milestone milestone) {
    }

    private final ProgrammeService programmes;
    private final CycleService cycles;
    private final Clock clock;

    ComingMilestones(ProgrammeService programmes, CycleService cycles, Clock clock) {
        this.programmes = programmes;
        this.cycles = cycles;
        this.clock = clock;
    }

    List<Coming> next() {
        Instant now = clock.instant();
        Instant until = now.plus(AHEAD);
        return programmes.list().stream().flatMap(programme -> cycles.cyclesOf(programme.code()).stream())
                .flatMap(cycle -> cycle.milestones().dates().entrySet().stream()
                        .map(m -> new Coming(m.getValue(), cycle, m.getKey())))
                .filter(c -> c.at().toInstant().isAfter(now) && c.at().toInstant().isBefore(until))
                .sorted(Comparator.comparing(Coming::at)).limit(MOST).toList();
    }
}
