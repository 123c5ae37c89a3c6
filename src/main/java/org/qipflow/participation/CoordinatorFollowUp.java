package org.qipflow.participation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.qipflow.common.ConflictException;
import org.qipflow.common.Dates;
import org.qipflow.common.InvalidInputException;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A coordinator following up one organisation: more time before its deadline, or a reminder now. */
@Service
public class CoordinatorFollowUp {

    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final AuditSchedule schedule;
    private final LeadTasks tasks;
    private final LeadEmails emails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CoordinatorFollowUp(ParticipantRepository participants, CycleService cycles, AuditSchedule schedule,
            LeadTasks tasks, LeadEmails emails, ApplicationEventPublisher events, Clock clock) {
        this.participants = participants;
        this.cycles = cycles;
        this.schedule = schedule;
        this.tasks = tasks;
        this.emails = emails;
        this.events = events;
        this.clock = clock;
    }

    /** Gives one organisation more time; its reminders and deadline timer move, and its lead is told. */
    @Transactional
    public Participant extendDeadline(long cycleId, String organisationCode, ZonedDateTime newDeadline) {
        Cycle cycle = cycles.get(cycleId);
        Participant participant = participants.getForUpdate(cycleId, organisationCode);
        Instant current = schedule.deadlineInstant(cycle, participant);
        if (participant.status().submitted() || !participant.status().open()) {
            throw new ConflictException(participant.organisationCode() + " has no submission outstanding ("
                    + participant.status().label().toLowerCase(Locale.ROOT) + ")");
        }
        if (!current.isAfter(clock.instant())) {
            throw new InvalidInputException("deadline", "The deadline (" + Dates.format(current.atZone(newDeadline.getZone()))
                    + ") has passed: the organisation is late and can still submit until the cycle closes");
        }
        if (!newDeadline.toInstant().isAfter(current)) {
            throw new InvalidInputException("deadline", "An extension must be later than the current deadline, "
                    + Dates.format(current.atZone(newDeadline.getZone())));
        }
        String code = participant.organisationCode();
        participants.setDeadlineExtension(participant.id(), newDeadline.toInstant());
        events.publishEvent(new DeadlineExtended(cycleId, code)); // its timers, and the cycle's own, move
        emails.syncCalendar(cycle, code);
        emails.sendWithInvitation(cycle, code,
                (mails, organisation) -> mails.deadlineExtended(cycle, organisation, newDeadline.toInstant()));
        return participants.get(cycleId, code);
    }

    /** Sends the lead a reminder with a fresh link to whatever is open for it now. */
    @Transactional
    public void remindNow(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        // locked, so a double click writes the one reminder its key allows instead of racing to insert it twice
        Participant participant = participants.getForUpdate(cycleId, organisationCode);
        String code = participant.organisationCode();
        LeadTask open = tasks.openTask(cycleId, code).orElseThrow(() -> new ConflictException(code
                + " has nothing to do in this cycle at the moment, so there is nothing to remind it of"));
        Instant now = clock.instant();
        Instant deadline = schedule.deadlineInstant(cycle, participant);
        boolean late = participant.status() == ParticipantStatus.LATE || !deadline.isAfter(now);
        emails.send(code, (mails, organisation) -> mails.reminderNow(cycle, organisation, deadline, open, now, late,
                schedule.lateSubmissionsEndInstant(cycle)));
    }
}
