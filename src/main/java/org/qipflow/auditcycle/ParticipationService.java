package org.qipflow.auditcycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.io.InputStream;
import org.qipflow.common.ConflictException;
import org.qipflow.common.Dates;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.submissions.RecordService;
import org.qipflow.submissions.UploadResult;
import org.qipflow.definitions.CheckedRecord;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations taking part in audit cycles: joining, confirming with team codes, submitting,
 * extensions and reminders, and the steps the participation process runs.
 */
@Service
public class ParticipationService {

    private static final Pattern TEAM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,11}");
    private static final int MOST_TEAMS = 200;
    /** A reminder within this long of another email giving the same deadline would say nothing new. */
    static final Duration NOTHING_NEW_WITHIN = Duration.ofHours(24);

    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final AuditProcesses processes;
    private final AuditSchedule schedule;
    private final CycleMails mails;
    private final Outbox outbox;
    private final TaskLinks links;
    private final RecordService records;
    private final CycleAnalysis analysis;
    private final ParticipantCalendar calendar;
    private final Clock clock;

    ParticipationService(ParticipantRepository participants, CycleService cycles, OrganisationService organisations,
            AuditProcesses processes, AuditSchedule schedule, CycleMails mails, Outbox outbox, TaskLinks links,
            RecordService records, CycleAnalysis analysis, ParticipantCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.records = records;
        this.analysis = analysis;
        this.participants = participants;
        this.cycles = cycles;
        this.organisations = organisations;
        this.processes = processes;
        this.schedule = schedule;
        this.mails = mails;
        this.outbox = outbox;
        this.links = links;
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
        if (!organisation.active()) {
            throw new ConflictException(organisation.name() + " is not an active member, so it cannot join");
        }
        ZonedDateTime closes = cycle.milestones().get(Milestone.SUBMISSION_CLOSES);
        if (!clock.instant().isBefore(closes.toInstant())) {
            throw new ConflictException("Submission for " + cycle.title() + " closed on " + Dates.format(closes)
                    + "; organisations can join until then");
        }
        participants.insert(cycleId, organisation.code(), clock.instant());
        calendar.sync(cycle, organisation.code());
        processes.startParticipation(cycleId, organisation.code());
        return new Joined(participants.find(cycleId, organisation.code()).orElseThrow(), true);
    }

    /** Adds several organisations, all or none: every code is checked before any is added. */
    @Transactional
    public int joinAll(long cycleId, List<String> organisationCodes) {
        for (String code : organisationCodes) {
            Organisation organisation = organisations.get(code);
            if (!organisation.active()) {
                throw new ConflictException(organisation.name() + " is not an active member, so it cannot join");
            }
        }
        int added = 0;
        for (String code : organisationCodes) {
            if (join(cycleId, code).added()) {
                added++;
            }
        }
        return added;
    }

    @Transactional(readOnly = true)
    public List<Participant> participants(long cycleId) {
        cycles.get(cycleId);
        return participants.ofCycle(cycleId);
    }

    /** Every cycle the organisation joined, newest first. */
    @Transactional(readOnly = true)
    public List<Participant> cyclesOf(String organisationCode) {
        return participants.ofOrganisation(organisationCode);
    }

    @Transactional(readOnly = true)
    public Participant participant(long cycleId, String organisationCode) {
        return participants.find(cycleId, organisationCode.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException(organisationCode + " does not take part in cycle " + cycleId));
    }

    /** The organisation's own submission deadline, extensions and its nation's bank holidays included. */
    @Transactional(readOnly = true)
    public Instant deadline(long cycleId, String organisationCode) {
        return schedule.deadlineInstant(cycles.get(cycleId), participant(cycleId, organisationCode));
    }

    @Transactional(readOnly = true)
    public Instant lateSubmissionsEnd(long cycleId) {
        return schedule.lateSubmissionsEndInstant(cycles.get(cycleId));
    }

    /**
     * The lead's answer to the invitation: taking part with these team codes, or not. Codes are
     * allocated locally (T01, WARD-3); qipflow never learns the teams' names.
     */
    @Transactional
    public Participant confirm(long cycleId, String organisationCode, Boolean takingPart, List<String> teamCodes) {
        Participant participant = participants.findForUpdate(cycleId, organisationCode)
                .orElseThrow(() -> new NotFoundException(organisationCode + " does not take part in cycle " + cycleId));
        if (takingPart == null) {
            throw new InvalidInputException("takingPart", "Say whether your organisation is taking part");
        }
        List<String> teams = takingPart ? teamCodes(teamCodes) : List.of();
        Instant now = clock.instant();
        processes.complete(cycleId, participant.organisationCode(), LeadTask.CONFIRM_PARTICIPATION,
                Map.of(AuditProcesses.TAKING_PART, takingPart));
        participants.replaceTeams(participant.id(), teams, now);
        participants.setStatus(participant.id(), takingPart ? ParticipantStatus.CONFIRMED : ParticipantStatus.DECLINED,
                "confirmed_at", now);
        links.revoke(participant.organisationCode(), LeadLink.subject(cycleId), LeadTask.CONFIRM_PARTICIPATION.name());
        Cycle cycle = cycles.get(cycleId);
        calendar.sync(cycle, participant.organisationCode());
        if (!takingPart) {
            Organisation organisation = organisations.get(participant.organisationCode());
            outbox.enqueue(mails.declined(cycle, organisation)
                    .withInvitation(calendar.deadlineInvitation(cycle, organisation).orElse(null)));
        }
        return participants.find(cycleId, participant.organisationCode()).orElseThrow();
    }

    /** Submits the organisation's audit data; on time or late depends on its own deadline. */
    @Transactional
    public Participant submit(long cycleId, String organisationCode) {
        Participant participant = participants.findForUpdate(cycleId, organisationCode)
                .orElseThrow(() -> new NotFoundException(organisationCode + " does not take part in cycle " + cycleId));
        if (records.list(cycleId, participant.organisationCode()).isEmpty()) {
            throw new InvalidInputException("declaration", "Add your organisation's records before submitting");
        }
        processes.complete(cycleId, participant.organisationCode(), LeadTask.SUBMIT_DATA, Map.of());
        ParticipantStatus status = participant.status() == ParticipantStatus.LATE
                ? ParticipantStatus.SUBMITTED_LATE : ParticipantStatus.SUBMITTED;
        participants.setStatus(participant.id(), status, "submitted_at", clock.instant());
        // the submission link stays usable for corrections until the cycle closes
        return participants.find(cycleId, participant.organisationCode()).orElseThrow();
    }

    /** Gives one organisation more time; its reminders and deadline timer move, and its lead is told. */
    @Transactional
    public Participant extendDeadline(long cycleId, String organisationCode, ZonedDateTime newDeadline) {
        Cycle cycle = cycles.get(cycleId);
        Participant participant = participants.findForUpdate(cycleId, organisationCode)
                .orElseThrow(() -> new NotFoundException(organisationCode + " does not take part in cycle " + cycleId));
        Instant current = schedule.deadlineInstant(cycle, participant);
        Instant now = clock.instant();
        if (participant.status().submitted() || !participant.status().open()) {
            throw new ConflictException(participant.organisationCode() + " has no submission outstanding ("
                    + participant.status().label().toLowerCase(Locale.ROOT) + ")");
        }
        if (!current.isAfter(now)) {
            throw new InvalidInputException("deadline", "The deadline (" + Dates.format(current.atZone(newDeadline.getZone()))
                    + ") has passed: the organisation is late and can still submit until the cycle closes");
        }
        if (!newDeadline.toInstant().isAfter(current)) {
            throw new InvalidInputException("deadline", "An extension must be later than the current deadline, "
                    + Dates.format(current.atZone(newDeadline.getZone())));
        }
        participants.setDeadlineExtension(participant.id(), newDeadline.toInstant());
        // the cycle's own timer (late submissions end) may move too
        processes.refreshTimers(cycleId, Optional.empty());
        calendar.sync(cycle, participant.organisationCode());
        Organisation organisation = organisations.get(participant.organisationCode());
        outbox.enqueue(mails.deadlineExtended(cycle, organisation, newDeadline.toInstant())
                .withInvitation(calendar.deadlineInvitation(cycle, organisation).orElse(null)));
        return participants.find(cycleId, participant.organisationCode()).orElseThrow();
    }

    /** Sends the lead a reminder with a fresh link to whatever is open for it now. */
    @Transactional
    public void remindNow(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        // locked, so a double click writes the one reminder its key allows instead of racing to insert it twice
        Participant participant = participants.findForUpdate(cycleId, organisationCode.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException(organisationCode + " does not take part in cycle " + cycleId));
        LeadTask open = openTask(cycleId, participant.organisationCode())
                .orElseThrow(() -> new ConflictException(participant.organisationCode()
                        + " has nothing to do in this cycle at the moment, so there is nothing to remind it of"));
        Instant deadline = schedule.deadlineInstant(cycle, participant);
        boolean late = participant.status() == ParticipantStatus.LATE || !deadline.isAfter(clock.instant());
        outbox.enqueue(mails.reminderNow(cycle, organisations.get(participant.organisationCode()), deadline, open,
                clock.instant(), late, schedule.lateSubmissionsEndInstant(cycle)));
    }

    /** Emails the lead on record fresh links to every task of the organisation that is open. */
    @Transactional
    FreshLinks sendFreshLinks(String organisationCode) {
        // a twin request at the same moment waits here, then finds this one's email and sends none
        Optional<Organisation> found = organisationCode == null ? Optional.empty()
                : organisations.findForUpdate(organisationCode.trim().toUpperCase(Locale.ROOT));
        if (found.isEmpty()) {
            return FreshLinks.NO_SUCH_ORGANISATION;
        }
        Organisation organisation = found.get();
        if (outbox.contains(CycleMails.freshLinksKey(organisation, clock.instant()))) {
            return FreshLinks.SENT_RECENTLY; // one such email per organisation per hour, whoever keeps asking
        }
        List<Map<String, Object>> open = new ArrayList<>();
        for (Participant p : participants.ofOrganisation(organisation.code())) {
            Cycle cycle = cycles.get(p.cycleId());
            Optional<LeadTask> task = openTask(p.cycleId(), organisation.code());
            if (task.isEmpty() && p.status().submitted() && cycle.closedAt() == null) {
                task = Optional.of(LeadTask.SUBMIT_DATA); // corrections stay possible until the cycle closes
            }
            task.ifPresent(t -> open.add(mails.taskEntry(cycle, organisation, t)));
        }
        if (open.isEmpty()) {
            return FreshLinks.NOTHING_OPEN;
        }
        outbox.enqueue(mails.freshLinks(organisation, open, clock.instant()));
        return FreshLinks.SENT;
    }

    Optional<LeadTask> openTask(long cycleId, String organisationCode) {
        for (LeadTask task : List.of(LeadTask.CONFIRM_PARTICIPATION, LeadTask.SUBMIT_DATA)) {
            if (processes.openTask(cycleId, organisationCode, task).isPresent()) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    boolean isOpen(long cycleId, String organisationCode, LeadTask task) {
        return processes.openTask(cycleId, organisationCode, task).isPresent();
    }

    /**
     * The teams whose records this organisation may enter or correct now: from confirmation until the
     * cycle closes for analysis, if it takes part.
     */
    @Transactional(readOnly = true)
    public List<String> teamsOpenForRecords(long cycleId, String organisationCode) {
        Participant participant = participant(cycleId, organisationCode);
        boolean takingPart = participant.status() == ParticipantStatus.CONFIRMED
                || participant.status() == ParticipantStatus.LATE || participant.status().submitted();
        if (!takingPart || cycles.get(cycleId).closedAt() != null) {
            throw new ConflictException("Records for " + participant.organisationCode() + " cannot be changed: "
                    + (takingPart ? "the cycle has closed for analysis" : "it is not taking part"));
        }
        return participant.teams();
    }

    /** Record changes of one organisation queue up behind each other, and behind submission and close. */
    private String lockForRecords(long cycleId, String organisationCode) {
        return participants.findForUpdate(cycleId, organisationCode.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException(organisationCode + " does not take part in cycle " + cycleId))
                .organisationCode();
    }

    /** @param fileName as the uploader's computer called it, for messages; null when not known */
    @Transactional
    public UploadResult uploadRecords(long cycleId, String organisationCode, InputStream file, String fileName,
            String changedBy) {
        String code = lockForRecords(cycleId, organisationCode);
        return records.upload(cycleId, code, teamsOpenForRecords(cycleId, code), file, fileName, changedBy);
    }

    /** @param recordId the record being corrected, or null for a new one */
    @Transactional
    public CheckedRecord saveRecord(long cycleId, String organisationCode, Long recordId, String team,
            String pseudonym, Map<String, String> answers, String changedBy) {
        String code = lockForRecords(cycleId, organisationCode);
        return records.save(cycleId, code, teamsOpenForRecords(cycleId, code), recordId, team, pseudonym, answers,
                changedBy);
    }

    @Transactional
    public void deleteRecord(long cycleId, String organisationCode, long recordId, String changedBy) {
        String code = lockForRecords(cycleId, organisationCode);
        teamsOpenForRecords(cycleId, code);
        records.delete(cycleId, code, recordId, changedBy);
    }

    // ---- steps of audit-participation.bpmn ----

    void sendMaterials(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        Participant participant = participant(cycleId, organisationCode);
        Organisation organisation = organisations.get(organisationCode);
        outbox.enqueue(mails.materials(cycle, organisation, schedule.deadlineInstant(cycle, participant))
                .withInvitation(calendar.deadlineInvitation(cycle, organisation).orElse(null)));
        participants.markMaterialsSent(participant.id(), clock.instant());
    }

    void sendSubmissionLink(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        Organisation organisation = organisations.get(organisationCode);
        outbox.enqueue(mails.submissionOpen(cycle, organisation,
                schedule.deadlineInstant(cycle, participant(cycleId, organisationCode)))
                .withInvitation(calendar.deadlineInvitation(cycle, organisation).orElse(null)));
    }

    /**
     * Sends the reminder due {@code days} before the deadline when it tells the lead something new: not
     * when a nearer reminder is already due (an organisation that confirms late gets the most pressing
     * one only), and not within a day of another email that gave the same deadline (submission opening,
     * an extension, an earlier reminder).
     */
    void sendReminder(long cycleId, String organisationCode, int days) {
        if (!isOpen(cycleId, organisationCode, LeadTask.SUBMIT_DATA)) {
            return; // submitted between the timer and this step
        }
        Cycle cycle = cycles.get(cycleId);
        Instant now = clock.instant();
        Instant deadline = schedule.deadlineInstant(cycle, participant(cycleId, organisationCode));
        long daysLeft = Duration.between(now, deadline).toHours() / 24;
        int nearer = days == 14 ? 7 : days == 7 ? 2 : 0;
        if (daysLeft < nearer || !deadline.isAfter(now)) {
            return;
        }
        Optional<Instant> lastTold = outbox.lastWritten(CycleMails.reference(cycle, organisationCode),
                CycleMails.ANNOUNCING_DEADLINE);
        if (lastTold.isPresent() && lastTold.get().isAfter(now.minus(NOTHING_NEW_WITHIN))) {
            return;
        }
        outbox.enqueue(mails.reminder(cycle, organisations.get(organisationCode), deadline, days, now));
    }

    void markLate(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        Participant participant = participant(cycleId, organisationCode);
        Organisation organisation = organisations.get(organisationCode);
        Instant deadline = schedule.deadlineInstant(cycle, participant);
        participants.setStatus(participant.id(), ParticipantStatus.LATE, "late_at", clock.instant());
        outbox.enqueue(mails.late(cycle, organisation, deadline, schedule.lateSubmissionsEndInstant(cycle)));
        outbox.enqueue(mails.lateNotice(cycle, organisation, deadline));
    }

    void recordNoSubmission(long cycleId, String organisationCode) {
        Participant participant = participant(cycleId, organisationCode);
        if (participant.status().open()) {
            participants.setStatus(participant.id(), ParticipantStatus.NOT_SUBMITTED, "closed_at", clock.instant());
        }
    }

    // ---- steps of audit-cycle.bpmn ----

    void closeSubmissions(long cycleId) {
        processes.closeParticipations(cycleId);
        cycles.markClosed(cycleId);
        links.revokeSubject(LeadLink.subject(cycleId), LeadTask.SUBMIT_DATA.name());
        links.revokeSubject(LeadLink.subject(cycleId), LeadTask.AUDIT_MATERIALS.name());
    }

    /** Analyses the records of the organisations that submitted, on time or late. */
    void runAnalysis(long cycleId) {
        analysis.analyse(cycleId, participants.ofCycle(cycleId).stream().filter(p -> p.status().submitted())
                .map(Participant::organisationCode).toList());
    }

    void publishResults(long cycleId) {
        Cycle cycle = cycles.get(cycleId);
        for (Participant p : participants.ofCycle(cycleId)) {
            if (p.status().submitted()) {
                outbox.enqueue(mails.results(cycle, organisations.get(p.organisationCode())));
            }
        }
        cycles.markPublished(cycleId);
    }

    /**
     * A new local lead takes over: links sent to the previous one stop working, and the new lead gets
     * fresh links to whatever the organisation has open.
     */
    void localLeadChanged(String organisationCode) {
        links.revokeAll(organisationCode);
        sendFreshLinks(organisationCode);
    }

    /**
     * The team codes to offer a lead confirming a re-audit or supplementary audit: those the organisation
     * registered in its latest earlier round of the same programme, so comparisons stay team by team.
     */
    @Transactional(readOnly = true)
    List<String> teamsOfLastRound(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        return participants.ofOrganisation(organisationCode).stream()
                .filter(p -> !p.teams().isEmpty())
                .map(p -> Map.entry(cycles.get(p.cycleId()), p.teams()))
                .filter(e -> e.getKey().programmeCode().equals(cycle.programmeCode())
                        && e.getKey().number() < cycle.number())
                .max(Comparator.comparingInt(e -> e.getKey().number()))
                .map(Map.Entry::getValue).orElse(List.of());
    }

    /** Team codes as the lead typed them: one per line or comma separated, upper-cased, each once; no spaces. */
    static List<String> teamCodes(List<String> raw) {
        Set<String> codes = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String entry : raw == null ? List.<String>of() : raw) {
            for (String part : entry.split("[,;\\r\\n]+")) {
                String code = part.trim().toUpperCase(Locale.ROOT);
                if (code.isEmpty()) {
                    continue;
                }
                if (!TEAM_CODE.matcher(code).matches()) {
                    problems.add(new FieldProblem("teams", "'" + part.trim() + "' is not a team code: use up to 12 "
                            + "letters, digits or dashes, like T01. Do not use team or ward names"));
                }
                codes.add(code);
            }
        }
        if (codes.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("teams", "Register at least one team code, like T01"));
        }
        if (codes.size() > MOST_TEAMS) {
            problems.add(new FieldProblem("teams", "Register at most " + MOST_TEAMS + " teams"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(codes);
    }
}
