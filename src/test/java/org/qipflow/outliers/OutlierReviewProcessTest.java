package org.qipflow.outliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.common.ConflictException;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkTime;
import org.qipflow.membership.Nation;
import org.qipflow.support.QipflowTest;
import org.qipflow.workingdays.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of processes/outlier-review.bpmn, timers fired explicitly, with the real delegates and emails. */
@QipflowTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class OutlierReviewProcessTest {

    static final int ALARM = 2;
    static final int ALERT = 8;

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    OutlierFixture fixture;
    @Autowired
    OutlierReviews reviews;
    @Autowired
    OutlierReviewRepository repository;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    OutlierReviewProcess process;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        AbstractAssertions.init(engine);
    }

    @Test
    void aResponseThenAWithdrawalTellsTheOrganisationWhy() {
        OutlierFixture.Flagged flagged = fixture.flagged(ALERT);
        OutlierReview review = fixture.open(flagged);
        ProcessInstance instance = fixture.instance(review.id());
        assertThat(instance).hasPassed("Task_NotifyOrganisation").isWaitingAt("Gateway_Response");
        assertThat(fixture.open(flagged).id()).as("opened twice, opened once").isEqualTo(review.id());

        // the response window: 25 working days of England, ending 17:00 UK time
        OutlierReview waiting = repository.find(review.id()).orElseThrow();
        LocalDate today = LocalDate.now(UkTime.ZONE);
        assertThat(waiting.dueAt()).isEqualTo(ZonedDateTime.of(workingDays.plusWorkingDays(today, 25, Nation.ENGLAND),
                LocalTime.of(17, 0), UkTime.ZONE).toInstant());
        assertThat(fixture.timer(review.id(), "Timer_ResponseDue").getDuedate().toInstant()).isEqualTo(waiting.dueAt());
        assertThat(fixture.mails(review.id())).extracting(m -> m.template() + " " + m.recipient()).containsExactly(
                "outlier-notice " + OutlierFixture.lead(flagged.code()),
                "outlier-notice " + OutlierFixture.clinical(flagged.code()));

        // the programme team cannot decide before the organisation has had its say
        assertThatThrownBy(() -> reviews.decide(review.id(), "WITHDRAW", "why", "coordinator"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("to respond");

        reviews.respond(fixture.token(review.id(), "outlier-notice", OutlierFixture.clinical(flagged.code())),
                "Two records were miscoded; the figures otherwise stand.");
        assertThat(instance).hasPassed("Event_OrganisationResponded").isWaitingAt("Task_DecideOutlier");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate().toInstant())
                .isEqualTo(repository.find(review.id()).orElseThrow().dueAt());
        // the lead's link ended with the clinical contact's response
        String leadToken = fixture.token(review.id(), "outlier-notice", OutlierFixture.lead(flagged.code()));
        assertThatThrownBy(() -> reviews.respond(leadToken, "again")).isInstanceOf(ConflictException.class);

        assertThatThrownBy(() -> reviews.decide(review.id(), "WITHDRAW", " ", "coordinator"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say why");
        reviews.decide(review.id(), "WITHDRAW", "Explained by the miscoding", "coordinator");

        assertThat(instance).hasPassed("Task_TellWithdrawn", "End_Withdrawn").isEnded();
        assertThat(repository.find(review.id()).orElseThrow().status()).isEqualTo(OutlierReview.Status.WITHDRAWN);
        assertThat(fixture.mail(review.id(), "outlier-decided", OutlierFixture.lead(flagged.code())).textBody())
                .contains("has withdrawn", "Explained by the miscoding");
        assertThatThrownBy(() -> reviews.decide(review.id(), "CONFIRM", null, "coordinator"))
                .isInstanceOf(ConflictException.class);

        // a message nothing waits for any more changes nothing, and leaves its transaction to commit
        transaction.executeWithoutResult(status -> {
            assertThat(process.responded(review.id())).isFalse();
            assertThat(process.acknowledged(review.id())).isFalse();
            repository.addStep(review.id(), OutlierReview.Step.WITHDRAWN, "test", "after", java.time.Instant.now());
        });
        assertThat(repository.steps(review.id())).last().extracting(OutlierReview.TimelineStep::actor).isEqualTo("test");
    }

    @Test
    void noResponseInTimeEscalatesAndTheTeamConfirmsTheAlert() {
        OutlierFixture.Flagged flagged = fixture.flagged(ALERT);
        OutlierReview review = fixture.open(flagged);
        String token = fixture.token(review.id(), "outlier-notice", OutlierFixture.lead(flagged.code()));

        fixture.fire(review.id(), "Timer_ResponseDue");

        ProcessInstance instance = fixture.instance(review.id());
        assertThat(instance).hasPassed("Timer_ResponseDue", "Task_EscalateResponse").isWaitingAt("Task_DecideOutlier");
        assertThat(reviews.linkPage(token).orElseThrow().usable()).isFalse();
        assertThat(fixture.mail(review.id(), "outlier-team", "programme-team@qipflow.invalid").subject())
                .contains("No response by the deadline");

        reviews.decide(review.id(), "CONFIRM", null, "coordinator");

        assertThat(instance).hasPassed("Task_TellAlertConfirmed", "End_AlertConfirmed").isEnded();
        OutlierReview confirmed = repository.find(review.id()).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(OutlierReview.Status.CONFIRMED);
        assertThat(confirmed.confirmedLevel()).isEqualTo(org.qipflow.reporting.OutlierFlags.Level.ALERT);
        assertThat(confirmed.hasLetter()).as("an alert sends no letter").isFalse();
    }

    @Test
    void aConfirmedAlarmSendsTheLetterAndEndsWithItsAcknowledgement() {
        OutlierFixture.Flagged flagged = fixture.flagged(ALARM);
        OutlierReview review = fixture.open(flagged);
        reviews.respond(fixture.token(review.id(), "outlier-notice", OutlierFixture.lead(flagged.code())), "Checked.");
        reviews.decide(review.id(), "CONFIRM", "Discuss at board", "coordinator");

        ProcessInstance instance = fixture.instance(review.id());
        assertThat(instance).hasPassed("Task_SendAlarmLetter").isWaitingAt("Task_AwaitAcknowledgement");
        OutlierReview sent = repository.find(review.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutlierReview.Status.AWAITING_ACKNOWLEDGEMENT);
        assertThat(fixture.timer(review.id(), "Timer_AcknowledgementDue").getDuedate().toInstant())
                .isEqualTo(sent.dueAt());

        reviews.acknowledge(fixture.token(review.id(), "outlier-letter", OutlierFixture.md(flagged.code())));

        assertThat(instance).hasPassed("End_Acknowledged").isEnded();
        assertThat(repository.find(review.id()).orElseThrow().status()).isEqualTo(OutlierReview.Status.ACKNOWLEDGED);
        String ceoToken = fixture.token(review.id(), "outlier-letter", OutlierFixture.ceo(flagged.code()));
        assertThatThrownBy(() -> reviews.acknowledge(ceoToken)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aDecisionNotMadeInTimeEscalatesAndStillWaits() {
        OutlierFixture.Flagged flagged = fixture.flagged(ALERT);
        OutlierReview review = fixture.open(flagged);
        reviews.respond(fixture.token(review.id(), "outlier-notice", OutlierFixture.lead(flagged.code())), "Checked.");

        fixture.fire(review.id(), "Timer_DecisionDue");

        ProcessInstance instance = fixture.instance(review.id());
        assertThat(instance).hasPassed("Task_EscalateDecision", "End_DecisionEscalated").isWaitingAt("Task_DecideOutlier");
        assertThat(fixture.mail(review.id(), "outlier-team", "programme-team@qipflow.invalid").subject())
                .contains("No decision by the deadline");
        reviews.decide(review.id(), "WITHDRAW", "Late, but withdrawn", "coordinator");
        assertThat(instance).hasPassed("End_Withdrawn").isEnded();
    }

    @Test
    void anUnacknowledgedLetterRemindsTheChiefExecutiveAndTheTeamCanRecordAnAcknowledgementByPost() {
        OutlierFixture.Flagged flagged = fixture.flagged(ALARM);
        OutlierReview review = fixture.open(flagged);
        fixture.fire(review.id(), "Timer_ResponseDue");
        reviews.decide(review.id(), "CONFIRM", null, "coordinator");
        String first = fixture.token(review.id(), "outlier-letter", OutlierFixture.ceo(flagged.code()));

        fixture.fire(review.id(), "Timer_AcknowledgementDue");

        ProcessInstance instance = fixture.instance(review.id());
        assertThat(instance).hasPassed("Task_EscalateAcknowledgement", "End_AcknowledgementEscalated")
                .isWaitingAt("Task_AwaitAcknowledgement");
        String reminder = fixture.token(review.id(), "outlier-letter-reminder", OutlierFixture.ceo(flagged.code()));
        assertThat(reviews.linkPage(first).orElseThrow().usable()).as("the reminder's link replaces the first").isFalse();
        assertThat(reviews.linkPage(reminder).orElseThrow().usable()).isTrue();

        assertThatThrownBy(() -> reviews.acknowledgementReceived(review.id(), "", "coordinator"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("how and when");
        reviews.acknowledgementReceived(review.id(), "Letter from the chief executive dated 3 May", "coordinator");
        assertThat(instance).hasPassed("End_Acknowledged").isEnded();
        assertThat(reviews.linkPage(reminder).orElseThrow().usable()).isFalse();
        assertThat(repository.steps(review.id())).extracting(s -> s.step().name() + " " + s.actor()).containsExactly(
                "OPENED coordinator", "NOTIFIED qipflow", "RESPONSE_OVERDUE qipflow", "CONFIRMED coordinator",
                "LETTER_SENT qipflow", "ACKNOWLEDGEMENT_OVERDUE qipflow", "ACKNOWLEDGED coordinator");
    }

    @Test
    void windowsCountWorkingDaysOfTheOrganisationsNation() {
        // Fri 18 Dec 2026 + 3 working days in England: Mon 21, Tue 22, Wed 23
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 12, 18), 3, Nation.ENGLAND))
                .isEqualTo(LocalDate.of(2026, 12, 23));
        // Thu 24 Dec + 1: Christmas Day, the weekend and the Boxing Day substitute (Mon 28) are not working days
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 12, 24), 1, Nation.ENGLAND))
                .isEqualTo(LocalDate.of(2026, 12, 29));
    }
}
