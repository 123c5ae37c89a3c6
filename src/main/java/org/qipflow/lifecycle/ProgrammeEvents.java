package org.qipflow.lifecycle;

import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CyclePublished;
import org.qipflow.programmes.CycleScheduled;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.InterventionPeriodChanged;
import org.qipflow.programmes.Programme;
import org.qipflow.programmes.ProgrammeClosed;
import org.qipflow.programmes.ProgrammeCreated;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Moves each programme's process on, in the transaction of the change that moves it. */
@Component
class ProgrammeEvents {

    private final ProgrammeProcess process;
    private final CycleService cycles;
    private final ProgrammeRhythm rhythm;
    private final ProgrammeService programmes;
    private final TransactionTemplate transaction;

    ProgrammeEvents(ProgrammeProcess process, CycleService cycles, ProgrammeRhythm rhythm, ProgrammeService programmes,
            TransactionTemplate transaction) {
        this.process = process;
        this.cycles = cycles;
        this.rhythm = rhythm;
        this.programmes = programmes;
        this.transaction = transaction;
    }

    /**
     * Programmes created before this process existed get theirs at start, where their rounds have got
     * to. Each programme is locked first, so nodes starting together start one process, not two.
     */
    @EventListener(ApplicationReadyEvent.class)
    void startMissing() {
        programmes.list().stream().filter(p -> p.closedAt() == null).map(Programme::code)
                .forEach(code -> transaction.executeWithoutResult(status -> {
                    programmes.lock(code);
                    var rounds = cycles.cyclesOf(code);
                    process.startMidway(code, !rounds.isEmpty(), rounds.stream().map(Cycle::publishedAt)
                            .allMatch(published -> published != null));
                }));
    }

    @EventListener
    void created(ProgrammeCreated event) {
        process.start(event.programmeCode());
    }

    @EventListener
    void scheduled(CycleScheduled event) {
        process.roundScheduled(cycles.get(event.cycleId()).programmeCode());
    }

    /** The intervention period begins once no round scheduled so far is still to publish. */
    @EventListener
    void published(CyclePublished event) {
        if (cycles.cyclesOf(event.programmeCode()).stream().allMatch(c -> c.publishedAt() != null)) {
            process.roundsPublished(event.programmeCode());
        }
    }

    @EventListener
    void closed(ProgrammeClosed event) {
        process.closed(event.programmeCode());
    }

    @EventListener
    void interventionPeriodChanged(InterventionPeriodChanged event) {
        process.refreshTimer(event.programmeCode(), rhythm.interventionEnds(event.programmeCode()));
    }
}
