package org.qipflow.participation;

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
 * When each timer of the audit processes falls due ({@link AuditTimer}), read from the cycle's current
 * milestones each time, so a timer created after a reschedule is right and a refresh of waiting timers
 * uses the same rules. Called from the timer expressions of {@code audit-cycle.bpmn} and
 * {@code audit-participation.bpmn}.
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

    /** A participation timer's date, for the timer's expression in the BPMN file. */
    public Date due(String timerId, long cycleId, String organisationCode) {
        return Date.from(AuditTimer.byActivityId(timerId).due(this, cycleId, organisationCode));
    }

    /** The cycle timer's date, for the timer's expression in the BPMN file. */
    public Date due(String timerId, long cycleId) {
        return due(timerId, cycleId, null);
    }

    /** The organisation's own deadline: its extension, or submission close moved to a working day in its nation. */
    public Date deadline(long cycleId, String organisationCode) {
        return Date.from(deadlineInstant(cycleId, organisationCode));
    }

    Instant materialsDispatchInstant(long cycleId) {
        return cycles.get(cycleId).milestones().get(Milestone.MATERIALS_DISPATCH).toInstant();
    }

    Instant submissionOpensInstant(long cycleId) {
        return cycles.get(cycleId).milestones().get(Milestone.SUBMISSION_OPENS).toInstant();
    }

    /** Whole calendar days before the deadline at the same UK wall-clock time, across a clock change too. */
    Instant reminderInstant(long cycleId, String organisationCode, int daysBefore) {
        return deadlineInstant(cycleId, organisationCode).atZone(UkTime.ZONE).minusDays(daysBefore).toInstant();
    }

    Instant lateSubmissionsEndInstant(long cycleId) {
        return lateSubmissionsEndInstant(cycles.get(cycleId));
    }

    /** Late submissions end, and the cycle moves on to analysis, a grace period after the last deadline. */
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

    Instant deadlineInstant(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
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
}
