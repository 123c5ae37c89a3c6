package org.qipflow.lifecycle;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.qipflow.common.UkTime;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.Milestones;
import org.qipflow.programmes.Programme;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.stereotype.Component;

/**
 * When a programme's next round is due and what dates to propose for it. The intervention period runs
 * from the latest round's publication (its report due date while it still runs). The proposal keeps the
 * programme's rhythm, the spacing of its last two rounds, but never starts data collection before the
 * intervention period is over and there is time to send the materials a month ahead; a proposal always
 * starts on a Monday at 09:00 UK time. The process's timer reads {@link #interventionEnds(String)}.
 */
@Component("programmeRhythm")
public class ProgrammeRhythm {

    /** Time to schedule the round, then send the materials a month before data collection starts. */
    static final Duration NOTICE = Duration.ofDays(42);
    private static final LocalTime START_TIME = LocalTime.of(9, 0);

    private final ProgrammeService programmes;
    private final CycleService cycles;
    private final Clock clock;

    ProgrammeRhythm(ProgrammeService programmes, CycleService cycles, Clock clock) {
        this.programmes = programmes;
        this.cycles = cycles;
        this.clock = clock;
    }

    /** The next round, as proposed: when the intervention period ends, and the round's dates. */
    public record Proposal(Instant interventionEnds, Milestones milestones) {

        public ZonedDateTime dataCollectionStart() {
            return milestones.get(Milestone.DATA_COLLECTION_START);
        }
    }

    /** For the process's timer. */
    public Date interventionEnds(String programmeCode) {
        Programme programme = programmes.get(programmeCode);
        return Date.from(interventionEnds(programme, cycles.cyclesOf(programme.code())).orElse(clock.instant()));
    }

    /** The proposal for the round after the latest, none for a closed programme or one without a round yet. */
    public Optional<Proposal> next(Programme programme, List<Cycle> rounds) {
        if (programme.closedAt() != null) {
            return Optional.empty();
        }
        return interventionEnds(programme, rounds).map(ends -> {
            ZonedDateTime earliest = later(ends, clock.instant()).plus(NOTICE).atZone(UkTime.ZONE);
            ZonedDateTime start = earliest;
            if (rounds.size() >= 2) {
                ZonedDateTime last = startOf(rounds.get(rounds.size() - 1));
                ZonedDateTime kept = last.plus(Duration.between(startOf(rounds.get(rounds.size() - 2)), last));
                start = kept.isAfter(earliest) ? kept : earliest;
            }
            start = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).with(START_TIME);
            return new Proposal(ends, cycles.plan(start));
        });
    }

    private Optional<Instant> interventionEnds(Programme programme, List<Cycle> rounds) {
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        Cycle latest = rounds.get(rounds.size() - 1);
        Instant reported = latest.publishedAt() != null ? latest.publishedAt()
                : latest.milestones().get(Milestone.REPORT_DUE).toInstant();
        return Optional.of(reported.atZone(UkTime.ZONE).plusMonths(programme.interventionMonths()).toInstant());
    }

    private static ZonedDateTime startOf(Cycle cycle) {
        return cycle.milestones().get(Milestone.DATA_COLLECTION_START);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
