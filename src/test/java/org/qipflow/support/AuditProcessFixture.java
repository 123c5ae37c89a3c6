package org.qipflow.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.qipflow.auditcycle.CycleTracker;
import org.qipflow.common.UkTime;
import org.qipflow.membership.Nation;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationInput;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.participation.LeadActions;
import org.qipflow.participation.Participant;
import org.qipflow.participation.ParticipantRecords;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.workingdays.WorkingDays;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds programmes, cycles and members for audit tests, and drives the engine's jobs by hand. */
@Component
public class AuditProcessFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ProgrammeService programmes;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Outbox outbox;
    private final WorkingDays workingDays;
    private final ParticipationService participation;
    private final LeadActions leadActions;
    private final ParticipantRecords participantRecords;
    private final JdbcTemplate jdbc;
    private final CycleTracker tracker;
    private final CycleAnalysis analysis;

    AuditProcessFixture(ProgrammeService programmes, CycleService cycles, OrganisationService organisations,
            RuntimeService runtime, ManagementService management, Outbox outbox, WorkingDays workingDays,
            @Lazy ParticipationService participation, @Lazy LeadActions leadActions,
            @Lazy ParticipantRecords participantRecords, JdbcTemplate jdbc, @Lazy CycleTracker tracker, @Lazy CycleAnalysis analysis) {
        this.analysis = analysis;
        this.jdbc = jdbc;
        this.tracker = tracker;
        this.workingDays = workingDays;
        this.participation = participation;
        this.leadActions = leadActions;
        this.participantRecords = participantRecords;
        this.programmes = programmes;
        this.cycles = cycles;
        this.organisations = organisations;
        this.runtime = runtime;
        this.management = management;
        this.outbox = outbox;
    }

    public static ZonedDateTime uk(int y, int m, int d, int h) {
        return LocalDateTime.of(y, m, d, h, 0).atZone(UkTime.ZONE);
    }

    public static Date date(ZonedDateTime moment) {
        return Date.from(moment.toInstant());
    }

    /** A new programme with a baseline cycle collecting data from the given moment. */
    public Cycle cycle(ZonedDateTime dataCollectionStart) {
        return cycle(dataCollectionStart, Map.of());
    }

    public Cycle cycle(ZonedDateTime dataCollectionStart, Map<Milestone, ZonedDateTime> overrides) {
        String code = "QIP-T" + SEQUENCE.incrementAndGet();
        programmes.create(code, "Test programme " + code, "lithium-monitoring");
        return cycles.schedule(code, CycleKind.BASELINE, dataCollectionStart, overrides);
    }

    /** The code by which other organisations know this one in the round's reports. */
    public String alias(long cycleId, String organisationCode) {
        return analysis.aliases(cycleId).get(organisationCode);
    }

    /** The programme's re-audit of an earlier round, collecting data from the given moment. */
    public Cycle reaudit(Cycle earlier, ZonedDateTime dataCollectionStart) {
        return cycles.schedule(earlier.programmeCode(), CycleKind.REAUDIT, dataCollectionStart, Map.of());
    }

    /**
     * A running cycle whose submission closes, at this time of day, on the first English working day
     * between {@code fromDays} and {@code toDays} days ahead (there is always one within five days).
     */
    public Cycle cycleClosingIn(int fromDays, int toDays) {
        ZonedDateTime now = ZonedDateTime.now(UkTime.ZONE);
        for (int days = fromDays; days <= toDays; days++) {
            ZonedDateTime closes = now.plusDays(days);
            if (workingDays.isWorkingDay(closes.toLocalDate(), Nation.ENGLAND)) {
                return cycle(now.minusWeeks(3), Map.of(Milestone.SUBMISSION_CLOSES, closes,
                        Milestone.DATA_COLLECTION_END, now.minusDays(1)));
            }
        }
        throw new AssertionError("No working day between " + fromDays + " and " + toDays + " days ahead");
    }

    /** One valid lithium-monitoring record for the team, so the organisation has something to submit. */
    public void addRecord(long cycleId, String organisationCode, String team, String pseudonym) {
        participantRecords.save(cycleId, organisationCode, null, team, pseudonym, lithiumRecord(), "test");
    }


    public static Map<String, String> lithiumRecord() {
        return Map.of("age", "54", "lithiumStartedInLastYear", "no", "serumLithiumLast3Months", "yes",
                "lastLithiumLevel", "0.6", "renalLast6Months", "yes", "thyroidLast6Months", "yes");
    }

    public void changeLead(String organisationCode, String email) {
        Organisation current = organisations.get(organisationCode);
        organisations.update(organisationCode, new OrganisationInput(current.code(), current.name(),
                current.nation().name(), current.type().name(), "New Lead", email, "Chief Pharmacist",
                current.membershipEnds().toString()), null);
    }

    /** A new member organisation in the given nation. */
    public String member(String nation) {
        String code = "Z" + String.format("%04d", SEQUENCE.incrementAndGet());
        organisations.create(new OrganisationInput(code, "Trust " + code, nation, "NHS trust", "Lead " + code,
                code.toLowerCase() + "@nhs.example", "Chief Pharmacist", "2030-12-31"));
        return code;
    }

    /** A new member that joined the cycle, received its materials and confirmed it takes part with these teams. */
    public String confirmedMember(long cycleId, String nation, String teams) {
        String code = member(nation);
        participation.join(cycleId, code);
        fire(participation(cycleId, code), "Timer_MaterialsDispatch");
        leadActions.confirm(cycleId, code, true, List.of(teams));
        return code;
    }

    public ProcessInstance participation(long cycleId, String organisationCode) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("audit-participation")
                .processInstanceBusinessKey(Participant.businessKey(cycleId, organisationCode)).singleResult();
    }

    public ProcessInstance cycleInstance(long cycleId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("audit-cycle")
                .processInstanceBusinessKey(String.valueOf(cycleId)).singleResult();
    }

    public Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
                .singleResult();
    }

    /**
     * Runs a cycle to published reports: each organisation joins, confirms teams T01 and T02, uploads
     * its records (CSV) and submits; late submissions end, the coordinator publishes.
     *
     * @return each organisation's results link, as its email gives it
     */
    public Map<String, String> publishWith(Cycle cycle, Map<String, String> csvByOrganisation) {
        ProcessInstance instance = analyseWith(cycle, csvByOrganisation);
        tracker.publish(cycle.id());
        runDueJobs(instance);
        Map<String, String> links = new LinkedHashMap<>();
        for (String code : csvByOrganisation.keySet()) {
            String line = mails(cycle.id(), code).stream().filter(m -> m.template().equals("results-published"))
                    .findFirst().orElseThrow().textBody().lines().filter(l -> l.contains("/tasks/")).findFirst()
                    .orElseThrow().trim();
            links.put(code, line.substring(line.indexOf("/tasks/")));
        }
        return links;
    }

    /**
     * The same up to the analysis: the round waits for the coordinator's review and publication.
     *
     * @return the cycle's process instance
     */
    public ProcessInstance analyseWith(Cycle cycle, Map<String, String> csvByOrganisation) {
        csvByOrganisation.forEach((code, csv) -> {
            participation.join(cycle.id(), code);
            fire(participation(cycle.id(), code), "Timer_MaterialsDispatch");
            leadActions.confirm(cycle.id(), code, true, List.of("T01, T02"));
            participantRecords.upload(cycle.id(), code, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    "records.csv", "test");
            fire(participation(cycle.id(), code), "Timer_SubmissionOpens");
            leadActions.submit(cycle.id(), code);
        });
        ProcessInstance instance = cycleInstance(cycle.id());
        fire(instance, "Timer_LateSubmissionsEnd");
        return instance;
    }

    /** Fires one timer as if its time had come, then runs whatever it makes due. */
    public void fire(ProcessInstance instance, String timerActivityId) {
        Job timer = timer(instance, timerActivityId);
        if (timer == null) {
            throw new AssertionError("No timer " + timerActivityId + " is waiting");
        }
        management.executeJob(timer.getId());
        runDueJobs(instance);
    }

    /** Runs the instance's due jobs (asynchronous steps, timers already past) until none is left. */
    public void runDueJobs(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep becoming due for " + instance.getId());
    }

    /**
     * As if the emails to this organisation in this cycle had been written {@code days} earlier, for
     * steps that depend on how long ago the lead was last told something.
     */
    public void emailsWrittenDaysAgo(long cycleId, String organisationCode, int days) {
        jdbc.query("select id, created_at from outbox_message where reference = ?", (rs, n) -> Map.entry(
                rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class)),
                "cycle:" + cycleId + ":" + organisationCode).forEach(row -> jdbc.update(
                "update outbox_message set created_at = ? where id = ?", row.getValue().minusDays(days), row.getKey()));
    }

    /** The emails to this organisation about this cycle, as their recipient gets them: links working. */
    public List<OutboxMessage> mails(long cycleId, String organisationCode) {
        return outbox.about(List.of("cycle:" + cycleId + ":" + organisationCode)).stream()
                .map(outbox::withWorkingLinks).toList();
    }

    public List<OutboxMessage> outboxLatest() {
        return outbox.latest(200).stream().map(outbox::withWorkingLinks).toList();
    }

    public List<String> templates(long cycleId, String organisationCode) {
        return mails(cycleId, organisationCode).stream().map(OutboxMessage::template).toList();
    }
}
