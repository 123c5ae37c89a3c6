package org.qipflow.home;

import java.time.Duration;
import java.util.List;

import org.qipflow.auditcycle.CycleTracker;
import org.qipflow.participation.NeedsAttention;
import org.qipflow.participation.SubmissionTracker;
import org.qipflow.programmes.Cycle;
import org.springframework.stereotype.Component;

/**
 * The dashboard's view of running cycles: reviews waiting, organisations late or close to a deadline,
 * and what comes next.
 */
@Component
class CyclesNeedingAttention {

    /** How far ahead a deadline counts as close. */
    static final Duration DEADLINES_AHEAD = Duration.ofDays(7);

    private final CycleTracker tracker;
    private final SubmissionTracker submissions;
    private final ComingMilestones milestones;

    CyclesNeedingAttention(CycleTracker tracker, SubmissionTracker submissions, ComingMilestones milestones) {
        this.tracker = tracker;
        this.submissions = submissions;
        this.milestones = milestones;
    }

    Today today() {
        return new Today(tracker.cyclesAwaitingReview(), submissions.lateOrganisations(),
                submissions.deadlinesWithin(DEADLINES_AHEAD), milestones.next());
    }

    record Today(List<Cycle> reviews, List<NeedsAttention> late, List<NeedsAttention> dueSoon,
            List<ComingMilestones.Coming> coming) {
    }
}
