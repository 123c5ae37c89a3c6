package org.qipflow.auditcycle;

import java.time.Instant;
import java.time.Period;
import java.util.Date;
import org.qipflow.common.UkTime;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.workingdays.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When each timer of the audit processes falls due, read from the cycle's current milestones each
 * time, so a timer created after a reschedule is right and a refresh of waiting timers uses the same
 * rules. Called from timer expressions in {@code audit-cycle.bpmn} and {@code audit-participation.bpmn}.
 */
@Component("auditSchedule")
public class AuditSchedule {

    private final CycleService cycles;
    private final ParticipantRepository participants;
    private final OrganisationService organisations;
    private final WorkingDays workingDays;
    private final Period lateSubmissionGrace;

    AuditSchedule(CycleService cycles, ParticipantRepository participants, OrganisationService organisations,
            WorkingDays workingDays, @Value("${qipflow.cycle.late-submission-grace:P7D}") Period lateSubmissionGrace) {
        this.cycles = cycles;
        this.participants = participants;
        this.organisations = organisations;
        this.workingDays = workingDays;
        this.lateSubmissionGrace = lateSubmissionGrace;
    }

    public Date materialsDispatch(long cycleId) {
        return milestone(cycleId, Milestone.MATERIALS_DISPATCH);
    }

    public Date submissionOpens(long cycleId) {
        return milestone(cycleId, Milestone.SUBMISSION_OPENS);
    }

    /** The organisation's own deadline: its extension, or submission close moved to a working day in its nation. */
    public Date deadline(long cycleId, String organisationCode) {
        return Date.from(deadlineInstant(cycles.get(cycleId), organisationCode));
    }

    /** Whole calendar days before the deadline at the same UK wall-clock time, across a clock change too. */
    public Date reminder(long cycleId, String organisationCode, int daysBefore) {
        return Date.from(deadlineInstant(cycles.get(cycleId), organisationCode).atZone(UkTime.ZONE)
                .minusDays(daysBefore).toInstant());
    }

    /** Late submissions end, and the cycle moves on to analysis, a grace period after the last deadline. */
    public Date lateSubmissionsEnd(long cycleId) {
        return Date.from(lateSubmissionsEndInstant(cycles.get(cycleId)));
    }

    Instant lateSubmissionsEndInstant(Cycle cycle) {
        Instant last = cycle.milestones().get(Milestone.SUBMISSION_CLOSES).toInstant();
        for (Participant p : participants.ofCycle(cycle.id())) {
            Instant own = deadlineInstant(cycle, p);
            if (own.isAfter(last)) {
                last = own;
            }
        }
        return last.atZone(UkTime.ZONE).plus(lateSubmissionGrace).toInstant();
    }

    Instant deadlineInstant(Cycle cycle, String organisationCode) {
        return participants.find(cycle.id(), organisationCode).map(p -> deadlineInstant(cycle, p))
                .orElseGet(() -> cycle.milestones().get(Milestone.SUBMISSION_CLOSES).toInstant());
    }

    /** An extension only ever adds time: if submission close later moves past it, the later date holds. */
    Instant deadlineInstant(Cycle cycle, Participant participant) {
        Instant close = workingDays.onOrAfter(cycle.milestones().get(Milestone.SUBMISSION_CLOSES),
                organisations.get(participant.organisationCode()).nation()).toInstant();
        Instant extension = participant.deadlineExtension();
        return extension != null && extension.isAfter(close) ? extension : close;
    }

    private Date milestone(long cycleId, Milestone milestone) {
        return Date.from(cycles.get(cycleId).milestones().get(milestone).toInstant());
    }
}
