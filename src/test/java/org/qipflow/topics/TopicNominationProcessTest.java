package org.qipflow.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.common.ConflictException;
import org.qipflow.common.InvalidInputException;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of processes/topic-nomination.bpmn, timers fired explicitly, with the real delegates and emails. */
@QipflowTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class TopicNominationProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    TopicFixture fixture;
    @Autowired
    TopicAnswers answers;
    @Autowired
    TopicScreening screening;
    @Autowired
    ProgrammeService programmes;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        AbstractAssertions.init(engine);
    }

    @Test
    void anAddressNeverConfirmedIsDeletedAfterSevenDaysWithItsProposal() {
        Topic topic = fixture.propose(fixture.proposal("unconfirmed@nhs.example"));
        ProcessInstance instance = fixture.instance(topic.id());
        assertThat(instance).hasPassed("Task_SendConfirmation").isWaitingAt("Gateway_AddressConfirmed");
        OutboxMessage confirm = fixture.mail(topic.id(), "topic-confirm-address");
        assertThat(confirm.recipient()).isEqualTo("unconfirmed@nhs.example");
        assertThat(confirm.textBody()).contains(topic.title(), "works once, for 7 days");
        // as stored, the link does not work: its token is sealed until the relay sends the email
        assertThat(fixture.outbox.about(java.util.List.of("topic:" + topic.id()))).singleElement()
                .satisfies(stored -> assertThat(stored.textBody() + stored.htmlBody()).contains("/topics/links/~")
                        .doesNotContainPattern("/topics/links/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"));
        Date due = management.createJobQuery().processInstanceId(instance.getId())
                .activityId("Timer_ConfirmationExpires").singleResult().getDuedate();
        assertThat(Duration.between(Instant.now(), due.toInstant())).isBetween(Duration.ofDays(7).minusMinutes(5),
                Duration.ofDays(7));
        String token = fixture.token(topic.id(), "topic-confirm-address");

        fixture.fire(topic.id(), "Timer_ConfirmationExpires");

        assertThat(instance).hasPassed("Task_DiscardUnconfirmed").isEnded();
        assertThat(fixture.topics.find(topic.id())).isEmpty();
        assertThat(answers.page(token)).isEmpty();
        assertThat(answers.confirm(token)).isFalse();
    }

    @Test
    void aConfirmedTopicIsScreenedAndAdoptedAsADraftProgramme() {
        Topic topic = confirmed("adopt@nhs.example");
        ProcessInstance instance = fixture.instance(topic.id());
        assertThat(instance).isWaitingAt(TopicProcess.SCREENING_TASK);
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("coordinators"));

        assertThatThrownBy(() -> screening.decide(topic.id(), TopicFixture.decision("ADOPT", "programmeCode", "x",
                "programmeTitle", ""))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.problems()).extracting(p -> p.field()).containsExactly("programmeCode", "programmeTitle"));

        String code = "QIP-TOPIC" + topic.id();
        screening.decide(topic.id(), TopicFixture.decision("ADOPT", "programmeCode", code.toLowerCase(),
                "programmeTitle", "Clozapine monitoring in the community"));

        assertThat(instance).hasPassed("Task_AdoptTopic").isEnded();
        assertThat(fixture.get(topic.id()).status()).isEqualTo(TopicStatus.ADOPTED);
        assertThat(programmes.get(code).auditDefinition()).isNull();
        assertThat(programmes.get(code).title()).isEqualTo("Clozapine monitoring in the community");
        assertThat(fixture.mail(topic.id(), "topic-adopted").textBody()).contains(code);
        assertThatThrownBy(() -> screening.decide(topic.id(), TopicFixture.decision("DECLINE", "reasons", "late")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aDeclinedTopicsProposerIsToldTheReasonsAndEveryCriterionsScore() {
        Topic topic = confirmed("decline@nhs.example");
        var form = TopicFixture.decision("DECLINE", "reasons", "A national audit already covers this.");
        form.put(Criterion.VARIATION.scoreField(), CriterionScore.NOT_MET.name());
        form.put(Criterion.VARIATION.noteField(), "Every organisation already meets it.");
        form.remove(Criterion.PRACTICAL_DATA.scoreField());
        assertThatThrownBy(() -> screening.decide(topic.id(), form)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .containsExactly(Criterion.PRACTICAL_DATA.scoreField()));
        form.put(Criterion.PRACTICAL_DATA.scoreField(), CriterionScore.PARTLY_MET.name());
        ProcessInstance instance = fixture.instance(topic.id());

        screening.decide(topic.id(), form);

        assertThat(instance).hasPassed("Task_TellDeclined").isEnded();
        assertThat(fixture.get(topic.id()).status()).isEqualTo(TopicStatus.DECLINED);
        String text = fixture.mail(topic.id(), "topic-declined").textBody();
        assertThat(text).contains("A national audit already covers this.",
                "- Likely variation across organisations: Not met. Every organisation already meets it.",
                "- Data collection is practical: Partly met", "- Relevant to NICE guideline(s): Met");
    }

    @Test
    void aQuestionAnsweredReturnsTheTopicToScreeningWithTheAnswer() {
        Topic topic = confirmed("ask@nhs.example");
        screening.decide(topic.id(), TopicFixture.decision("ASK", "question", "Which settings does it concern?"));
        ProcessInstance instance = fixture.instance(topic.id());
        assertThat(instance).hasPassed("Task_AskProposer").isWaitingAt("Gateway_Answered");
        assertThat(fixture.get(topic.id()).status()).isEqualTo(TopicStatus.QUESTION_ASKED);
        assertThat(fixture.mail(topic.id(), "topic-question").textBody()).contains("Which settings does it concern?");
        String token = fixture.token(topic.id(), "topic-question");
        assertThatThrownBy(() -> screening.decide(topic.id(), TopicFixture.decision("ADOPT", "programmeCode", "QIP-TOPIC" + topic.id(),
                "programmeTitle", "T"))).isInstanceOf(ConflictException.class);

        answers.answer(token, "Community mental health teams and crisis teams.");

        assertThat(instance).hasPassed("Event_ProposerAnswered").isWaitingAt(TopicProcess.SCREENING_TASK);
        assertThat(fixture.get(topic.id()).answer()).isEqualTo("Community mental health teams and crisis teams.");
        assertThat(fixture.mail(topic.id(), "topic-answered").textBody()).contains("crisis teams");
        assertThatThrownBy(() -> answers.answer(token, "Again")).isInstanceOf(ConflictException.class);

        screening.decide(topic.id(), TopicFixture.decision("DECLINE", "reasons", "Too narrow."));
        assertThat(instance).hasPassed("Task_TellDeclined").isEnded();
    }

    @Test
    void aQuestionUnansweredForTwentyOneDaysClosesAndTheTopicIsDecidedWithoutIt() {
        Topic topic = confirmed("silent@nhs.example");
        screening.decide(topic.id(), TopicFixture.decision("ASK", "question", "How many patients?"));
        String token = fixture.token(topic.id(), "topic-question");

        fixture.fire(topic.id(), "Timer_QuestionCloses");

        ProcessInstance instance = fixture.instance(topic.id());
        assertThat(instance).hasPassed("Task_CloseQuestion").isWaitingAt(TopicProcess.SCREENING_TASK);
        assertThat(fixture.get(topic.id()).status()).isEqualTo(TopicStatus.SCREENING);
        assertThat(answers.page(token)).hasValueSatisfying(page -> assertThat(page.usable()).isFalse());
        assertThatThrownBy(() -> answers.answer(token, "Late")).isInstanceOf(ConflictException.class);

        screening.decide(topic.id(), TopicFixture.decision("ADOPT", "programmeCode", "QIP-TOPIC" + topic.id(),
                "programmeTitle", "Clozapine"));
        assertThat(instance).hasPassed("Task_AdoptTopic").isEnded();
    }

    /** Confirmed from the emailed link; the link works once. */
    private Topic confirmed(String email) {
        Topic topic = fixture.propose(fixture.proposal(email));
        String token = fixture.token(topic.id(), "topic-confirm-address");
        assertThat(answers.confirm(token)).isTrue();
        assertThat(answers.confirm(token)).isFalse();
        assertThat(fixture.get(topic.id()).status()).isEqualTo(TopicStatus.SCREENING);
        assertThat(fixture.instance(topic.id())).hasPassed("Event_AddressConfirmed");
        return fixture.get(topic.id());
    }
}
