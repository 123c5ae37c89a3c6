package org.qipflow.participation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.qipflow.notification.Outbox;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.springframework.stereotype.Component;

/**
 * The work of the service tasks of {@code audit-participation.bpmn}, each in its step's transaction,
 * with its email (see {@link ParticipationDelegates} for how the process calls them).
 */
@Component
class ParticipationSteps {

    /** A reminder within this long of another email giving the same deadline would say nothing new. */
    static final Duration NOTHING_NEW_WITHIN = Duration.ofHours(24);

    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final ParticipationProcess process;
    private final AuditSchedule schedule;
    private final LeadEmails emails;
    private final Outbox outbox;
    private final Clock clock;

    ParticipationSteps(ParticipantRepository participants, CycleService cycles, ParticipationProcess process,
            AuditSchedule schedule, LeadEmails emails, Outbox outbox, Clock clock) {
        this.participants = participants;
        this.cycles = cycles;
        this.process = process;
        this.schedule = schedule;
        this.emails = emails;
        this.outbox = outbox;
        this.clock = clock;
    }

    void sendMaterials(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        Participant participant = participants.get(cycleId, organisationCode);
        Instant deadline = schedule.deadlineInstant(cycle, participant);
        emails.sendWithInvitation(cycle, organisationCode,
                (mails, organisation) -> mails.materials(cycle, organisation, deadline));
        participants.markMaterialsSent(participant.id(), clock.instant());
    }

    void sendSubmissionLink(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        Instant deadline = schedule.deadlineInstant(cycle, participants.get(cycleId, organisationCode));
        emails.sendWithInvitation(cycle, organisationCode,
                (mails, organisation) -> mails.submissionOpen(cycle, organisation, deadline));
    }

    /**
     * Sends the reminder when it tells the lead something new: not when a nearer reminder is already due
     * (an organisation that confirms late gets the most pressing one only), and not within a day of
     * another email that gave the same deadline (submission opening, an extension, an earlier reminder).
     */
    void sendReminder(long cycleId, String organisationCode, AuditTimer reminder) {
        if (process.openTask(cycleId, organisationCode, LeadTask.SUBMIT_DATA).isEmpty()) {
            return; // submitted between the timer and this step
        }
        Cycle cycle = cycles.get(cycleId);
        Instant now = clock.instant();
        Instant deadline = schedule.deadlineInstant(cycle, participants.get(cycleId, organisationCode));
        long daysLeft = Duration.between(now, deadline).toHours() / 24;
        int nearer = reminder.nearerReminder().map(AuditTimer::daysBefore).orElse(0);
        if (daysLeft < nearer || !deadline.isAfter(now)) {
            return;
        }
        Optional<Instant> lastTold = outbox.lastWritten(LeadMailParts.reference(cycle, organisationCode),
                CycleMails.ANNOUNCING_DEADLINE);
        if (lastTold.isPresent() && lastTold.get().isAfter(now.minus(NOTHING_NEW_WITHIN))) {
            return;
        }
        emails.send(organisationCode,
                (mails, organisation) -> mails.reminder(cycle, organisation, deadline, reminder.daysBefore(), now));
    }

    void markLate(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        Participant participant = participants.get(cycleId, organisationCode);
        Instant deadline = schedule.deadlineInstant(cycle, participant);
        Instant lateSubmissionsEnd = schedule.lateSubmissionsEndInstant(cycle);
        participants.setStatus(participant.id(), ParticipantStatus.LATE, "late_at", clock.instant());
        emails.send(organisationCode,
                (mails, organisation) -> mails.late(cycle, organisation, deadline, lateSubmissionsEnd));
        emails.send(organisationCode, (mails, organisation) -> mails.lateNotice(cycle, organisation, deadline));
    }

    void recordNoSubmission(long cycleId, String organisationCode) {
        Participant participant = participants.get(cycleId, organisationCode);
        if (participant.status().open()) {
            participants.setStatus(participant.id(), ParticipantStatus.NOT_SUBMITTED, "closed_at", clock.instant());
        }
    }
}
