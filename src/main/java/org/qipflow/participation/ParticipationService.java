package org.qipflow.participation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qipflow.common.ConflictException;
import org.qipflow.common.Dates;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations taking part in audit cycles: who joined which cycle, joining, and each one's deadline. */
@Service
public class ParticipationService {

    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final ParticipationProcess process;
    private final AuditSchedule schedule;
    private final LeadEmails emails;
    private final Clock clock;

    ParticipationService(ParticipantRepository participants, CycleService cycles, OrganisationService organisations,
            ParticipationProcess process, AuditSchedule schedule, LeadEmails emails, Clock clock) {
        this.participants = participants;
        this.cycles = cycles;
        this.organisations = organisations;
        this.process = process;
        this.schedule = schedule;
        this.emails = emails;
        this.clock = clock;
    }

    /** The result of asking an organisation to join: whether this request added it. */
    public record Joined(Participant participant, boolean added) {
    }

    /**
     * Adds an organisation to a cycle and starts its participation process; materials go out at the
     * dispatch date, or at once for an organisation joining later. Joining twice has one effect.
     */
    @Transactional
    public Joined join(long cycleId, String organisationCode) {
        // one join at a time per cycle, so two requests for the same organisation add it once
        Cycle cycle = cycles.getForUpdate(cycleId);
        Organisation organisation = organisations.get(organisationCode);
        Optional<Participant> existing = participants.find(cycleId, organisation.code());
        if (existing.isPresent()) {
            return new Joined(existing.get(), false);
        }
        mustBeActive(organisation);
        ZonedDateTime closes = cycle.milestones().get(Milestone.SUBMISSION_CLOSES);
        if (!clock.instant().isBefore(closes.toInstant())) {
            throw new ConflictException("Submission for " + cycle.title() + " closed on " + Dates.format(closes)
                    + "; organisations can join until then");
        }
        participants.insert(cycleId, organisation.code(), clock.instant());
        emails.syncCalendar(cycle, organisation.code());
        process.start(cycleId, organisation.code());
        return new Joined(participants.get(cycleId, organisation.code()), true);
    }

    /** Adds several organisations, all or none: every code is checked before any is added. */
    @Transactional
    public int joinAll(long cycleId, List<String> organisationCodes) {
        organisationCodes.forEach(code -> mustBeActive(organisations.get(code)));
        int added = 0;
        for (String code : organisationCodes) {
            if (join(cycleId, code).added()) {
                added++;
            }
        }
        return added;
    }

    private static void mustBeActive(Organisation organisation) {
        if (!organisation.active()) {
            throw new ConflictException(organisation.name() + " is not an active member, so it cannot join");
        }
    }

    @Transactional(readOnly = true)
    public List<Participant> participants(long cycleId) {
        cycles.get(cycleId);
        return participants.ofCycle(cycleId);
    }

    /** Each organisation taking part in the cycle and where its participation stands, and nothing else. */
    @Transactional(readOnly = true)
    public Map<String, ParticipantStatus> statuses(long cycleId) {
        return participants.statuses(cycleId);
    }

    /** Every cycle the organisation joined, newest first. */
    @Transactional(readOnly = true)
    public List<Participant> cyclesOf(String organisationCode) {
        return participants.ofOrganisation(organisationCode);
    }

    @Transactional(readOnly = true)
    public Participant participant(long cycleId, String organisationCode) {
        return participants.get(cycleId, organisationCode);
    }

    /** The organisation's own submission deadline, extensions and its nation's bank holidays included. */
    @Transactional(readOnly = true)
    public Instant deadline(long cycleId, String organisationCode) {
        return schedule.deadlineInstant(cycles.get(cycleId), participant(cycleId, organisationCode));
    }

    /** The same, for a participant already read. */
    public Instant deadline(Cycle cycle, Participant participant) {
        return schedule.deadlineInstant(cycle, participant);
    }

    @Transactional(readOnly = true)
    public Instant lateSubmissionsEnd(long cycleId) {
        return schedule.lateSubmissionsEndInstant(cycles.get(cycleId));
    }

    /**
     * The team codes to offer a lead confirming a re-audit or supplementary audit: those the organisation
     * registered in its latest earlier round of the same programme, so comparisons stay team by team.
     */
    @Transactional(readOnly = true)
    public List<String> teamsOfLastRound(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        return participants.ofOrganisation(organisationCode).stream()
                .filter(p -> !p.teams().isEmpty())
                .map(p -> Map.entry(cycles.get(p.cycleId()), p.teams()))
                .filter(e -> e.getKey().programmeCode().equals(cycle.programmeCode())
                        && e.getKey().number() < cycle.number())
                .max(Comparator.comparingInt(e -> e.getKey().number()))
                .map(Map.Entry::getValue).orElse(List.of());
    }
}
