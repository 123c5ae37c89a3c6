package org.qipflow.auditcycle;

import org.qipflow.participation.CycleParticipations;
import org.qipflow.programmes.CycleService;
import org.qipflow.reporting.CycleAnalysis;
import org.springframework.stereotype.Component;

/**
 * The work of the service tasks of {@code audit-cycle.bpmn}, each in its step's transaction (see
 * {@link CycleDelegates} for how the process calls them).
 */
@Component
class CycleSteps {

    private final CycleParticipations participations;
    private final CycleService cycles;
    private final CycleAnalysis analysis;

    CycleSteps(CycleParticipations participations, CycleService cycles, CycleAnalysis analysis) {
        this.participations = participations;
        this.cycles = cycles;
        this.analysis = analysis;
    }

    void closeSubmissions(long cycleId) {
        participations.closeAll(cycleId);
        cycles.markClosed(cycleId);
    }

    /** Every standard over the records of the organisations that submitted, on time or late, stored for the reports. */
    void runAnalysis(long cycleId) {
        analysis.analyse(cycleId, participations.submitted(cycleId));
    }

    void publishResults(long cycleId) {
        participations.announceResults(cycleId);
        cycles.markPublished(cycleId);
    }
}
