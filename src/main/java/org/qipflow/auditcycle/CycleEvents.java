package org.qipflow.auditcycle;

import java.util.Optional;
import org.qipflow.membership.LocalLeadChanged;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleScheduled;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.MilestonesChanged;
import org.qipflow.workingdays.ClosureDaysChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Reacts, in the same transaction, to a cycle being scheduled or its milestones moving. */
@Component
class CycleEvents {

    private final AuditProcesses processes;
    private final ParticipationService participation;
    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final CycleMails mails;
    private final Outbox outbox;
    private final ParticipantCalendar calendar;

    CycleEvents(AuditProcesses processes, ParticipationService participation, ParticipantRepository participants,
            CycleService cycles, OrganisationService organisations, CycleMails mails, Outbox outbox,
            ParticipantCalendar calendar) {
        this.calendar = calendar;
        this.processes = processes;
        this.participation = participation;
        this.participants = participants;
        this.cycles = cycles;
        this.organisations = organisations;
        this.mails = mails;
        this.outbox = outbox;
    }

    @EventListener
    void leadChanged(LocalLeadChanged event) {
        participation.localLeadChanged(event.organisationCode());
    }

    @EventListener
    void scheduled(CycleScheduled event) {
        processes.startCycle(event.cycleId());
    }

    /**
     * A closure day added or removed can move organisations' own deadlines (the national milestones
     * keep the dates they were given): their timers and calendar entries follow, and each lead still
     * expected to submit whose deadline moved is told.
     */
    @EventListener
    void closureDaysChanged(ClosureDaysChanged event) {
        for (Cycle cycle : processes.runningCycles().stream().map(cycles::get).toList()) {
            processes.refreshTimers(cycle.id(), Optional.empty());
            for (Participant p : participants.ofCycle(cycle.id())) {
                if (calendar.syncMovesDeadline(cycle, p.organisationCode()) && p.status().open()) {
                    Organisation organisation = organisations.get(p.organisationCode());
                    outbox.enqueue(mails.deadlineMoved(cycle, organisation,
                                    participation.deadline(cycle.id(), p.organisationCode()))
                            .withInvitation(calendar.deadlineInvitation(cycle, organisation).orElse(null)));
                }
            }
        }
    }

    /** Waiting timers move with the milestones, and every lead still involved is told the new dates. */
    @EventListener
    void rescheduled(MilestonesChanged event) {
        processes.refreshTimers(event.cycleId(), Optional.empty());
        Cycle cycle = cycles.get(event.cycleId());
        for (Participant p : participants.ofCycle(event.cycleId())) {
            calendar.sync(cycle, p.organisationCode());
            if (p.status().open()) {
                Organisation organisation = organisations.get(p.organisationCode());
                outbox.enqueue(mails.datesChanged(cycle, organisation,
                        participation.deadline(event.cycleId(), p.organisationCode()))
                        .withInvitation(calendar.deadlineInvitation(cycle, organisation).orElse(null)));
            }
        }
    }
}
