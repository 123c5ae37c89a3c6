package org.qipflow.participation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.qipflow.calendar.CalendarEntries;
import org.qipflow.calendar.CalendarEntry;
import org.qipflow.calendar.EntryDraft;
import org.qipflow.membership.Organisation;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An organisation's own calendar entries in a cycle: its submission deadline (extensions included)
 * and, while it is open, the task of confirming that it takes part. Declining cancels them. Kept in
 * step in the transaction of every change to the participation, and attached to the emails that
 * announce a deadline as an invitation.
 */
@Component
class ParticipantCalendar {

    static final String DEADLINE = "deadline";
    static final String CONFIRM = "confirm";

    private final CalendarEntries entries;
    private final ParticipantRepository participants;
    private final AuditSchedule schedule;
    private final String programmeTeam;
    private final ProgrammeService programmes;
    private final CycleService cycles;

    ParticipantCalendar(CalendarEntries entries, ParticipantRepository participants, AuditSchedule schedule,
            @Value("${qipflow.mail.coordinators}") String programmeTeam, ProgrammeService programmes,
            CycleService cycles) {
        this.entries = entries;
        this.participants = participants;
        this.schedule = schedule;
        this.programmeTeam = programmeTeam;
        this.programmes = programmes;
        this.cycles = cycles;
    }

    /** Organisations that joined before the calendar existed get their entries once, at start. */
    @EventListener(ApplicationReadyEvent.class)
    void addMissing() {
        programmes.list().forEach(programme -> cycles.cyclesOf(programme.code()).forEach(cycle ->
                participants.ofCycle(cycle.id()).stream()
                        .filter(p -> !entries.hasEntries(cycle.id(), p.organisationCode()))
                        .forEach(p -> sync(cycle, p.organisationCode()))));
    }

    /** @return the entries that changed, as they now stand */
    List<CalendarEntry> sync(Cycle cycle, String organisationCode) {
        Participant participant = participants.find(cycle.id(), organisationCode).orElseThrow();
        return entries.reconcile(cycle, organisationCode, drafts(cycle, participant));
    }

    /** Syncs, and says whether the organisation's deadline entry changed. */
    boolean syncMovesDeadline(Cycle cycle, String organisationCode) {
        String deadline = entries.uid(cycle.id(), organisationCode, DEADLINE);
        return sync(cycle, organisationCode).stream().anyMatch(entry -> entry.uid().equals(deadline));
    }

    /** The deadline entry as an invitation for the organisation's lead: a request, or a cancellation. */
    Optional<String> deadlineInvitation(Cycle cycle, Organisation organisation) {
        return entries.find(entries.uid(cycle.id(), organisation.code(), DEADLINE))
                .map(entry -> entries.invitation(entry, programmeTeam, organisation.localLead().email(),
                        organisation.localLead().name()));
    }

    private List<EntryDraft> drafts(Cycle cycle, Participant participant) {
        List<EntryDraft> drafts = new ArrayList<>();
        if (participant.status() == ParticipantStatus.DECLINED) {
            return drafts;
        }
        String url = entries.link("/my/reports");
        Instant deadline = schedule.deadlineInstant(cycle, participant);
        drafts.add(EntryDraft.moment(entries.uid(cycle.id(), participant.organisationCode(), DEADLINE),
                cycle.title() + ": your submission deadline",
                "Your organisation's deadline for submitting its audit data"
                        + (participant.deadlineExtension() != null ? ", extended by the programme team" : "")
                        + ". Enter or upload records from the link in the submission email.", url, deadline));
        if (participant.status() == ParticipantStatus.INVITED) {
            var start = cycle.milestones().get(Milestone.DATA_COLLECTION_START).toLocalDate();
            drafts.add(EntryDraft.days(entries.uid(cycle.id(), participant.organisationCode(), CONFIRM),
                    "To do: confirm whether you take part in " + cycle.title(),
                    "Confirm participation and register your team codes from the link in the audit materials "
                            + "email, before data collection starts.", url, start.minusDays(1), start.minusDays(1)));
        }
        return drafts;
    }
}
