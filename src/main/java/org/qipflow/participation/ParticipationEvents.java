package org.qipflow.participation;

import java.util.Optional;

import org.qipflow.membership.LocalLeadChanged;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.MilestonesChanged;
import org.qipflow.tasklink.TaskLinks;
import org.qipflow.workingdays.ClosureDaysChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps participations in step, in the same transaction, when a cycle's dates, the closure days or a lead change. */
@Component
class ParticipationEvents {

    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final ParticipationProcess process;
    private final AuditSchedule schedule;
    private final LeadEmails emails;
    private final TaskLinks links;
    private final FreshLinkRequests freshLinks;

    ParticipationEvents(ParticipantRepository participants, CycleService cycles, ParticipationProcess process,
            AuditSchedule schedule, LeadEmails emails, TaskLinks links, FreshLinkRequests freshLinks) {
        this.participants = participants;
        this.cycles = cycles;
        this.process = process;
        this.schedule = schedule;
        this.emails = emails;
        this.links = links;
        this.freshLinks = freshLinks;
    }

    /**
     * A new local lead takes over: links sent to the previous one stop working, and the new lead gets
     * fresh links to whatever the organisation has open.
     */
    @EventListener
    void localLeadChanged(LocalLeadChanged event) {
        links.revokeAll(event.organisationCode());
        freshLinks.send(event.organisationCode());
    }

    /**
     * A closure day added or removed can move organisations' own deadlines (the national milestones
     * keep the dates they were given): their timers and calendar entries follow, and each lead still
     * expected to submit whose deadline moved is told.
     */
    @EventListener
    void closureDaysChanged(ClosureDaysChanged event) {
        for (Cycle cycle : cycles.unpublished()) {
            process.refreshTimers(cycle.id(), Optional.empty());
            for (Participant p : participants.ofCycle(cycle.id())) {
                if (emails.syncCalendarMovesDeadline(cycle, p.organisationCode()) && p.status().open()) {
                    emails.sendWithInvitation(cycle, p.organisationCode(), (mails, organisation) -> mails.deadlineMoved(
                            cycle, organisation, schedule.deadlineInstant(cycle, p)));
                }
            }
        }
    }

    /** An extension moves the organisation's reminders and deadline timer (the cycle's own timer moves in auditcycle). */
    @EventListener
    void deadlineExtended(DeadlineExtended event) {
        process.refreshTimers(event.cycleId(), Optional.of(event.organisationCode()));
    }

    /** Waiting timers move with the milestones, and every lead still involved is told the new dates. */
    @EventListener
    void rescheduled(MilestonesChanged event) {
        process.refreshTimers(event.cycleId(), Optional.empty());
        Cycle cycle = cycles.get(event.cycleId());
        for (Participant p : participants.ofCycle(event.cycleId())) {
            emails.syncCalendar(cycle, p.organisationCode());
            if (p.status().open()) {
                emails.sendWithInvitation(cycle, p.organisationCode(), (mails, organisation) -> mails.datesChanged(
                        cycle, organisation, schedule.deadlineInstant(cycle, p)));
            }
        }
    }
}
