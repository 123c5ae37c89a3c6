package org.qipflow.auditcycle;

import org.qipflow.participation.DeadlineExtended;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleScheduled;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.MilestonesChanged;
import org.qipflow.workingdays.ClosureDaysChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a cycle's process when it is scheduled, and keeps its closing timer on the date the schedule
 * gives when the milestones, the closure days or an organisation's deadline move.
 */
@Component
class CycleEvents {

    private final CycleProcess process;
    private final CycleService cycles;

    CycleEvents(CycleProcess process, CycleService cycles) {
        this.process = process;
        this.cycles = cycles;
    }

    @EventListener
    void scheduled(CycleScheduled event) {
        process.start(event.cycleId());
    }

    @EventListener
    void rescheduled(MilestonesChanged event) {
        process.refreshTimer(event.cycleId());
    }

    @EventListener
    void deadlineExtended(DeadlineExtended event) {
        process.refreshTimer(event.cycleId());
    }

    @EventListener
    void closureDaysChanged(ClosureDaysChanged event) {
        for (Cycle cycle : cycles.unpublished()) {
            process.refreshTimer(cycle.id());
        }
    }
}
