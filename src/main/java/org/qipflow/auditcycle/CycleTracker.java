package org.qipflow.auditcycle;

import java.util.List;

import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.reporting.CycleAnalysis;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How far a cycle's own process has gone, and the coordinator's steps that move it on: close early, publish. */
@Service
public class CycleTracker {

    private final CycleService cycles;
    private final CycleProcess process;
    private final CycleAnalysis analysis;

    CycleTracker(CycleService cycles, CycleProcess process, CycleAnalysis analysis) {
        this.cycles = cycles;
        this.process = process;
        this.analysis = analysis;
    }

    /** The cycle's stage, from its process and what it has stored. */
    @Transactional(readOnly = true)
    public CycleStage stage(long cycleId) {
        Cycle cycle = cycles.get(cycleId);
        if (process.submissionOpen(cycleId)) {
            return CycleStage.SUBMISSION_OPEN;
        }
        if (process.reviewTask(cycleId).isPresent()) {
            return CycleStage.AWAITING_REVIEW;
        }
        if (cycle.publishedAt() != null) {
            return CycleStage.PUBLISHED;
        }
        if (cycle.closedAt() == null) {
            return CycleStage.CLOSING_SUBMISSION;
        }
        return analysis.figures(cycleId).isEmpty() ? CycleStage.ANALYSING : CycleStage.PUBLISHING;
    }

    /** Cycles whose reports wait for review, for the coordinator's home page. */
    @Transactional(readOnly = true)
    public List<Cycle> cyclesAwaitingReview() {
        return process.cyclesAwaitingReview().stream().map(cycles::get).toList();
    }

    /**
     * Closes submission before its date, when the coordinator has what the cycle needs: every lead's
     * submission link stops working and the analysis starts.
     */
    @Transactional
    public void closeSubmissionNow(long cycleId) {
        cycles.get(cycleId);
        process.closeSubmissionNow(cycleId);
    }

    /** Completes the review: every organisation that submitted gets its results link. */
    @Transactional
    public void publish(long cycleId) {
        cycles.get(cycleId);
        process.publish(cycleId);
    }
}
