package org.qipflow.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.qipflow.support.AuditProcessFixture.date;
import static org.qipflow.support.AuditProcessFixture.uk;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.auditcycle.CycleStage;
import org.qipflow.auditcycle.CycleTracker;
import org.qipflow.common.ConflictException;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkTime;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of processes/audit-participation.bpmn and audit-cycle.bpmn, with the real steps and
 * emails, timers fired explicitly. The cycle collects data from Monday 4 March 2030, so nothing is
 * due on its own: materials 4 Feb, submission closes Mon 29 Apr 17:00, late submissions end 6 May.
 */
@QipflowTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class AuditParticipationProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ManagementService management;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    ParticipationService participation;
    @Autowired
    CoordinatorFollowUp followUp;
    @Autowired
    LeadActions leadActions;
    @Autowired
    CycleService cycles;
    @Autowired
    CycleTracker tracker;
    @Autowired
    ParticipationSteps steps;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    org.qipflow.tasklink.TaskLinks links;

    Cycle cycle;
    String org;
    ProcessInstance instance;

    @BeforeEach
    void aCycleWithOneOrganisation() {
        AbstractAssertions.init(engine);
        cycle = fixture.cycle(uk(2030, 3, 4, 9));
        org = fixture.member("England");
        participation.join(cycle.id(), org);
        instance = fixture.participation(cycle.id(), org);
    }

    void materialsSentAndConfirmed() {
        fixture.fire(instance, "Timer_MaterialsDispatch");
        leadActions.confirm(cycle.id(), org, true, List.of("t01, T02\nt03"));
        fixture.addRecord(cycle.id(), org, "T01", "P001");
    }

    void submissionOpen() {
        materialsSentAndConfirmed();
        fixture.fire(instance, "Timer_SubmissionOpens");
    }

    @Test
    void joiningWaitsForTheDispatchDate() {
        assertThat(instance).isWaitingAt("Timer_MaterialsDispatch");
        assertThat(fixture.timer(instance, "Timer_MaterialsDispatch").getDuedate()).isEqualTo(date(uk(2030, 2, 4, 9)));
        assertThat(fixture.templates(cycle.id(), org)).isEmpty();
    }

    @Test
    void onTimeSubmissionAfterAReminder() {
        fixture.fire(instance, "Timer_MaterialsDispatch");
        assertThat(instance).hasPassed("Task_SendMaterials").isWaitingAt("Task_ConfirmParticipation");
        assertThat(fixture.templates(cycle.id(), org)).containsExactly("audit-materials");
        assertThat(fixture.mails(cycle.id(), org).get(0).textBody()).contains("/tasks/", "Mon 29 Apr 2030 17:00");

        leadActions.confirm(cycle.id(), org, true, List.of("t01, T02\nt03"));
        assertThat(participation.participant(cycle.id(), org).teams()).containsExactly("T01", "T02", "T03");
        fixture.addRecord(cycle.id(), org, "T02", "P001");
        assertThat(instance).isWaitingAt("Timer_SubmissionOpens");

        fixture.fire(instance, "Timer_SubmissionOpens");
        assertThat(instance).isWaitingAt("Task_SubmitAuditData");
        assertThat(fixture.timer(instance, "Timer_SubmissionDeadline").getDuedate()).isEqualTo(date(uk(2030, 4, 29, 17)));
        assertThat(fixture.timer(instance, "Timer_Reminder14").getDuedate()).isEqualTo(date(uk(2030, 4, 15, 17)));
        assertThat(fixture.timer(instance, "Timer_Reminder2").getDuedate()).isEqualTo(date(uk(2030, 4, 27, 17)));

        fixture.emailsWrittenDaysAgo(cycle.id(), org, 14);                   // two weeks after opening
        fixture.fire(instance, "Timer_Reminder14");
        assertThat(instance).hasPassed("Task_SendReminder14", "End_Reminder14Sent").isWaitingAt("Task_SubmitAuditData");

        leadActions.submit(cycle.id(), org);

        assertThat(instance).hasPassed("Gateway_Submitted", "End_Submitted").isEnded();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count())
                .as("no reminder once submitted").isZero();
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.SUBMITTED);
        assertThat(fixture.templates(cycle.id(), org))
                .containsExactly("audit-materials", "submission-open", "submission-reminder");
    }

    @Test
    void everyReminderIsSentWhileTheTaskIsOpen() {
        submissionOpen();

        for (String reminder : List.of("Timer_Reminder14", "Timer_Reminder7", "Timer_Reminder2")) {
            fixture.emailsWrittenDaysAgo(cycle.id(), org, 5);               // days pass between reminders
            fixture.fire(instance, reminder);
        }

        assertThat(instance).hasPassed("End_Reminder14Sent", "End_Reminder7Sent", "End_Reminder2Sent")
                .isWaitingAt("Task_SubmitAuditData");
        // fired early by hand, so each says how much time is really left
        String timeLeft = CycleMails.timeLeft(Instant.now(), participation.deadline(cycle.id(), org));
        assertThat(fixture.mails(cycle.id(), org)).filteredOn(m -> m.template().equals("submission-reminder"))
                .extracting(OutboxMessage::subject).hasSize(3)
                .containsOnly(timeLeft + " to submit: " + cycle.title());
    }

    @Test
    void aReminderThatWouldSayNothingNewIsNotSent() {
        submissionOpen();

        fixture.fire(instance, "Timer_Reminder14");                         // the same day submission opened
        assertThat(fixture.templates(cycle.id(), org)).doesNotContain("submission-reminder");

        fixture.emailsWrittenDaysAgo(cycle.id(), org, 7);
        fixture.fire(instance, "Timer_Reminder7");
        fixture.fire(instance, "Timer_Reminder2");                          // straight after the 7-day one
        assertThat(fixture.templates(cycle.id(), org)).filteredOn("submission-reminder"::equals).hasSize(1);
    }

    @Test
    void timeLeftIsNeverNoDaysAndARemindNowAfterTheDeadlineIsTheLateNotice() {
        Instant now = Instant.parse("2030-04-29T12:00:00Z");
        assertThat(CycleMails.timeLeft(now, now.plus(Duration.ofMinutes(30)))).isEqualTo("less than a day left");
        assertThat(CycleMails.timeLeft(now, now.plus(Duration.ofHours(23)))).isEqualTo("less than a day left");
        assertThat(CycleMails.timeLeft(now, now.plus(Duration.ofHours(30)))).isEqualTo("1 day left");
        assertThat(CycleMails.timeLeft(now, now.plus(Duration.ofHours(47)))).isEqualTo("2 days left");
        assertThat(CycleMails.timeLeft(now, now.plus(Duration.ofDays(14)))).isEqualTo("14 days left");

        submissionOpen();
        fixture.fire(instance, "Timer_SubmissionDeadline");
        followUp.remindNow(cycle.id(), org);

        assertThat(fixture.mails(cycle.id(), org)).filteredOn(m -> m.subject().startsWith("Submission is late"))
                .hasSize(2);
        assertThat(fixture.mails(cycle.id(), org)).extracting(OutboxMessage::subject)
                .noneMatch(subject -> subject.contains("0 days") || subject.contains("left to submit"));
    }

    @Test
    void lateSubmissionIsMarkedAndStillAccepted() {
        submissionOpen();

        fixture.fire(instance, "Timer_SubmissionDeadline");

        assertThat(instance).hasPassed("Task_MarkLate").isWaitingAt("Task_SubmitLateData");
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.LATE);
        assertThat(fixture.mails(cycle.id(), org)).extracting(OutboxMessage::template)
                .contains("submission-late", "late-notice");
        assertThat(fixture.mails(cycle.id(), org)).filteredOn(m -> m.template().equals("late-notice"))
                .singleElement().satisfies(m -> assertThat(m.recipient()).isEqualTo("programme-team@qipflow.invalid"));

        leadActions.submit(cycle.id(), org);

        assertThat(instance).hasPassed("Task_SubmitLateData", "End_Submitted").isEnded();
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.SUBMITTED_LATE);
    }

    @Test
    void notTakingPartEndsTheParticipation() {
        fixture.fire(instance, "Timer_MaterialsDispatch");

        leadActions.confirm(cycle.id(), org, false, List.of());

        assertThat(instance).hasPassed("End_Declined").isEnded();
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.DECLINED);
        assertThatThrownBy(() -> leadActions.confirm(cycle.id(), org, true, List.of("T01")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void teamCodesAreCheckedBeforeAnythingChanges() {
        fixture.fire(instance, "Timer_MaterialsDispatch");

        assertThatThrownBy(() -> leadActions.confirm(cycle.id(), org, true, List.of("Ward 7 (Oak)")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a team code");
        assertThatThrownBy(() -> leadActions.confirm(cycle.id(), org, true, List.of(" ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one team");

        assertThat(instance).isWaitingAt("Task_ConfirmParticipation");
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.INVITED);
    }

    @Test
    void anExtensionMovesTheDeadlineAndRemindersAndTellsTheLead() {
        submissionOpen();

        followUp.extendDeadline(cycle.id(), org, uk(2030, 5, 10, 12));

        assertThat(fixture.timer(instance, "Timer_SubmissionDeadline").getDuedate()).isEqualTo(date(uk(2030, 5, 10, 12)));
        assertThat(fixture.timer(instance, "Timer_Reminder7").getDuedate()).isEqualTo(date(uk(2030, 5, 3, 12)));
        assertThat(fixture.timer(fixture.cycleInstance(cycle.id()), "Timer_LateSubmissionsEnd").getDuedate())
                .isEqualTo(date(uk(2030, 5, 17, 12)));
        assertThat(fixture.mails(cycle.id(), org)).filteredOn(m -> m.template().equals("deadline-changed"))
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("New deadline Fri 10 May 2030 12:00: " + cycle.title());
                    assertThat(m.textBody()).contains("has extended", "The new deadline is Fri 10 May 2030 12:00");
                    assertThat(m.invitation()).contains("METHOD:REQUEST", "SEQUENCE:1");
                });
        assertThatThrownBy(() -> followUp.extendDeadline(cycle.id(), org, uk(2030, 5, 1, 12)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("later than the current deadline");
    }

    @Test
    void reschedulingMovesRunningTimersAndTellsTheLeads() {
        submissionOpen();

        cycles.reschedule(cycle.id(), Map.of(Milestone.SUBMISSION_CLOSES, uk(2030, 5, 8, 17)));

        assertThat(fixture.timer(instance, "Timer_SubmissionDeadline").getDuedate()).isEqualTo(date(uk(2030, 5, 8, 17)));
        assertThat(fixture.timer(instance, "Timer_Reminder14").getDuedate()).isEqualTo(date(uk(2030, 4, 24, 17)));
        assertThat(fixture.timer(fixture.cycleInstance(cycle.id()), "Timer_LateSubmissionsEnd").getDuedate())
                .isEqualTo(date(uk(2030, 5, 15, 17)));
        assertThat(fixture.mails(cycle.id(), org)).filteredOn(m -> m.template().equals("dates-changed"))
                .singleElement().satisfies(m -> assertThat(m.textBody()).contains("Wed 8 May 2030 17:00"));
    }

    @Test
    void anOrganisationThatNeverSubmitsEndsWhenTheCycleCloses() {
        submissionOpen();
        fixture.fire(instance, "Timer_SubmissionDeadline");
        ProcessInstance cycleInstance = fixture.cycleInstance(cycle.id());

        fixture.fire(cycleInstance, "Timer_LateSubmissionsEnd");

        assertThat(instance).hasPassed("Start_CycleClosed", "Task_RecordNoSubmission", "End_NotSubmitted").isEnded();
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.NOT_SUBMITTED);
        assertThat(cycleInstance).hasPassed("Task_CloseSubmissions", "Task_RunAnalysis")
                .isWaitingAt("Task_ReviewAndPublish");
        assertThat(cycles.get(cycle.id()).closedAt()).isNotNull();
    }

    @Test
    void anOrganisationThatNeverConfirmsEndsWhenTheCycleCloses() {
        fixture.fire(instance, "Timer_MaterialsDispatch");

        fixture.fire(fixture.cycleInstance(cycle.id()), "Timer_LateSubmissionsEnd");

        assertThat(instance).hasPassed("End_NotSubmitted").isEnded();
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.NOT_SUBMITTED);
    }

    @Test
    void aCoordinatorClosesSubmissionBeforeItsDate() {
        String silent = fixture.member("Wales");
        participation.join(cycle.id(), silent);
        submissionOpen();
        leadActions.submit(cycle.id(), org);
        ProcessInstance cycleInstance = fixture.cycleInstance(cycle.id());
        assertThat(tracker.stage(cycle.id())).isEqualTo(CycleStage.SUBMISSION_OPEN);

        tracker.closeSubmissionNow(cycle.id());
        assertThat(cycleInstance).hasPassed("Timer_LateSubmissionsEnd").isWaitingAt("Task_CloseSubmissions");
        assertThat(tracker.stage(cycle.id())).isNotEqualTo(CycleStage.SUBMISSION_OPEN);
        fixture.runDueJobs(cycleInstance);

        assertThat(cycleInstance).hasPassed("Task_CloseSubmissions", "Task_RunAnalysis")
                .isWaitingAt("Task_ReviewAndPublish");
        assertThat(participation.participant(cycle.id(), silent).status()).isEqualTo(ParticipantStatus.NOT_SUBMITTED);
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.SUBMITTED);
        assertThat(cycles.get(cycle.id()).closedAt()).isNotNull();
        assertThatThrownBy(() -> tracker.closeSubmissionNow(cycle.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already closed");
    }

    @Test
    void publishingSendsResultsLinksToOrganisationsThatSubmitted() {
        String silent = fixture.member("Wales");
        participation.join(cycle.id(), silent);
        submissionOpen();
        leadActions.submit(cycle.id(), org);
        ProcessInstance cycleInstance = fixture.cycleInstance(cycle.id());
        fixture.fire(cycleInstance, "Timer_LateSubmissionsEnd");
        assertThat(tracker.cyclesAwaitingReview()).extracting(Cycle::id).contains(cycle.id());

        tracker.publish(cycle.id());
        fixture.runDueJobs(cycleInstance);

        assertThat(cycleInstance).hasPassed("Task_PublishReports", "End_ReportsPublished").isEnded();
        assertThat(fixture.templates(cycle.id(), org)).contains("results-published");
        assertThat(fixture.templates(cycle.id(), silent)).doesNotContain("results-published");
        assertThat(cycles.get(cycle.id()).publishedAt()).isNotNull();
        assertThatThrownBy(() -> tracker.publish(cycle.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void organisationsMayJoinLateButNotAfterSubmissionCloses() {
        Cycle running = fixture.cycle(Instant.now().minus(10, ChronoUnit.DAYS).atZone(UkTime.ZONE));
        String late = fixture.member("Scotland");

        participation.join(running.id(), late);
        ProcessInstance joined = fixture.participation(running.id(), late);
        fixture.runDueJobs(joined);

        assertThat(joined).hasPassed("Task_SendMaterials").isWaitingAt("Task_ConfirmParticipation");
        assertThat(fixture.templates(running.id(), late)).containsExactly("audit-materials");
        assertThat(participation.join(running.id(), late).added()).as("joining twice has one effect").isFalse();

        Cycle closed = fixture.cycle(Instant.now().minus(70, ChronoUnit.DAYS).atZone(UkTime.ZONE));
        assertThatThrownBy(() -> participation.join(closed.id(), late)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aLateJoinerGetsNoReminderWithItsOpeningEmailThenOnlyTheMostPressingOne() {
        // submission closes on a working day 3 to 7 days ahead: the 14-day reminder date has passed
        Cycle soon = fixture.cycleClosingIn(3, 7);
        String late = fixture.member("England");
        participation.join(soon.id(), late);
        ProcessInstance joined = fixture.participation(soon.id(), late);
        fixture.runDueJobs(joined);
        leadActions.confirm(soon.id(), late, true, List.of("T01"));

        fixture.runDueJobs(joined);

        assertThat(joined).hasPassed("Task_SendReminder14").isWaitingAt("Task_SubmitAuditData");
        assertThat(fixture.templates(soon.id(), late)).as("the opening email gives the deadline; a reminder in the "
                + "same second would say nothing new").containsExactly("audit-materials", "submission-open");

        fixture.emailsWrittenDaysAgo(soon.id(), late, 2);
        fixture.fire(joined, "Timer_Reminder2");
        String timeLeft = CycleMails.timeLeft(Instant.now(), participation.deadline(soon.id(), late));
        assertThat(fixture.mails(soon.id(), late)).extracting(OutboxMessage::subject)
                .filteredOn(s -> s.contains("to submit"))
                .containsExactly(timeLeft + " to submit: " + soon.title());
    }

    @Test
    void aReminderDueJustBeforeSubmissionIsNotSent() {
        submissionOpen();
        management.executeJob(fixture.timer(instance, "Timer_Reminder14").getId());

        leadActions.submit(cycle.id(), org);
        fixture.runDueJobs(instance);

        assertThat(instance).hasPassed("Task_SendReminder14").isEnded();
        assertThat(fixture.templates(cycle.id(), org)).doesNotContain("submission-reminder");
    }

    @Test
    void remindersKeepTheirWallClockTimeAcrossTheClockChange() {
        Cycle spring = fixture.cycle(uk(2030, 2, 4, 9), Map.of(Milestone.SUBMISSION_CLOSES, uk(2030, 4, 3, 17)));
        String lead = fixture.member("England");
        participation.join(spring.id(), lead);
        ProcessInstance joined = fixture.participation(spring.id(), lead);
        fixture.fire(joined, "Timer_MaterialsDispatch");
        leadActions.confirm(spring.id(), lead, true, List.of("T01"));
        fixture.fire(joined, "Timer_SubmissionOpens");

        assertThat(fixture.timer(joined, "Timer_Reminder14").getDuedate()).isEqualTo(date(uk(2030, 3, 20, 17)));
        assertThat(fixture.timer(joined, "Timer_Reminder2").getDuedate()).isEqualTo(date(uk(2030, 4, 1, 17)));
    }

    @Test
    void anExtensionNeverEndsBeforeTheCyclesOwnDeadline() {
        submissionOpen();
        followUp.extendDeadline(cycle.id(), org, uk(2030, 5, 3, 17));

        cycles.reschedule(cycle.id(), Map.of(Milestone.SUBMISSION_CLOSES, uk(2030, 5, 20, 17)));

        assertThat(participation.deadline(cycle.id(), org)).isEqualTo(uk(2030, 5, 20, 17).toInstant());
        assertThat(fixture.timer(instance, "Timer_SubmissionDeadline").getDuedate()).isEqualTo(date(uk(2030, 5, 20, 17)));
        assertThat(fixture.mails(cycle.id(), org)).extracting(OutboxMessage::template)
                .as("the extension and the reschedule each tell the lead").contains("deadline-changed", "dates-changed");
    }

    @Test
    void aNewLocalLeadTakesOverTheLinks() {
        fixture.fire(instance, "Timer_MaterialsDispatch");

        fixture.changeLead(org, "new-lead@nhs.example");

        assertThat(fixture.outboxLatest()).filteredOn(m -> m.template().equals("fresh-links"))
                .anySatisfy(m -> assertThat(m.recipient()).isEqualTo("new-lead@nhs.example"));
    }

    @Test
    void aStepRetriedAfterAFailureSendsItsEmailOnce() {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String org = fixture.member("England");
        participation.join(cycle.id(), org);
        ProcessInstance instance = fixture.participation(cycle.id(), org);

        // the step runs and writes its email, then its transaction fails before it commits
        transactions.executeWithoutResult(status -> {
            fixture.fire(instance, "Timer_MaterialsDispatch");
            assertThat(fixture.templates(cycle.id(), org)).contains("audit-materials");
            status.setRollbackOnly();
        });
        assertThat(fixture.templates(cycle.id(), org)).as("the email went with the failed step").isEmpty();

        // the engine tries again; and should the step run once more (a job executed twice), nothing is sent twice
        fixture.fire(instance, "Timer_MaterialsDispatch");
        transactions.executeWithoutResult(status -> steps.sendMaterials(cycle.id(), org));
        assertThat(fixture.templates(cycle.id(), org)).containsOnlyOnce("audit-materials");
        // and the links in the one email sent still work: the second run issued none that ended them
        List<String> tokens = fixture.mails(cycle.id(), org).get(0).textBody().lines()
                .filter(l -> l.contains("/tasks/")).map(l -> l.replaceAll(".*/tasks/([A-Za-z0-9_-]{43}).*", "$1"))
                .distinct().toList();
        assertThat(tokens).hasSize(2).allSatisfy(token -> assertThat(links.find(token))
                .hasValueSatisfying(link -> assertThat(link.usableAt(Instant.now())).isTrue()));
    }
}
