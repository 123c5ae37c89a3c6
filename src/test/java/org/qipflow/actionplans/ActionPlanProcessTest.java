package org.qipflow.actionplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.common.ConflictException;
import org.qipflow.common.InvalidInputException;
import org.qipflow.notification.Outbox;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.programmes.Cycle;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of processes/action-plan.bpmn, timers fired explicitly, with the real delegates and emails. */
@QipflowTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ActionPlanProcessTest {

    private static final Pattern LINK = Pattern.compile("/action-links/([A-Za-z0-9_-]{43})");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    AuditProcessFixture audits;
    @Autowired
    ActionPlans plans;
    @Autowired
    PlanRepository repository;
    @Autowired
    Outbox outbox;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        AbstractAssertions.init(engine);
    }

    /** A published round in which the organisation measured serum levels in 4 of 10 records: short of S1. */
    private record Published(Cycle cycle, String code, long planId) {
    }

    private Published published() {
        Cycle cycle = audits.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String code = audits.member("England");
        Map<String, String> csv = new LinkedHashMap<>();
        csv.put(code, LithiumRecords.csv(10, 4));
        csv.put(audits.member("Wales"), LithiumRecords.csv(10, 9));
        audits.publishWith(cycle, csv);
        return new Published(cycle, code, repository.id(cycle.id(), code).orElseThrow());
    }

    @Test
    void aPlanUnwrittenRemindsTheLeadThenItsActionsAreWorkedRemindedAndClosed() {
        Published round = published();
        ProcessInstance instance = instance(round.planId());
        assertThat(instance).isWaitingAt("Task_WritePlan");
        assertThat(plans.view(round.cycle().id(), round.code()).orElseThrow().shortfalls())
                .extracting(s -> s.id()).contains("S1");

        fire(instance, "Timer_PlanUnwritten");
        assertThat(instance).hasPassed("Task_RemindLead", "End_LeadReminded").isWaitingAt("Task_WritePlan");
        assertThat(mails("action-plan:" + round.planId())).extracting(OutboxMessage::template)
                .containsExactly("action-plan-reminder");

        // every standard fallen short of needs an action before the plan goes
        assertThatThrownBy(() -> plans.submit(round.cycle().id(), round.code(), "lead"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("S1");
        PlanAction first = add(round, "S1", "Ana Owner", "ana@nhs.example", 30);
        PlanAction second = add(round, "S1", "Ben Owner", "ben@nhs.example", 3);
        for (String standard : plans.view(round.cycle().id(), round.code()).orElseThrow().shortfalls().stream()
                .map(s -> s.id()).filter(s -> !s.equals("S1")).toList()) {
            add(round, standard, "Cy Owner", "cy@nhs.example", 40);
        }
        plans.submit(round.cycle().id(), round.code(), "lead");
        assertThatThrownBy(() -> plans.submit(round.cycle().id(), round.code(), "lead"))
                .isInstanceOf(ConflictException.class);

        assertThat(instance).hasPassed("Task_SendOwnerLink").isWaitingAt("Task_WorkAction");
        assertThat(mails("plan-action:" + first.id())).extracting(OutboxMessage::template).containsExactly("action-owner");

        // a week before the due date, three weeks after the link went: the owner is reminded with a fresh link
        jdbc.update("update plan_action_event set taken_at = ? where action_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(21))), first.id());
        fire(instance, "Timer_ActionSoonDue", first.id());
        assertThat(mails("plan-action:" + first.id())).extracting(OutboxMessage::template)
                .containsExactly("action-owner", "action-reminder");
        // an action due in three days was just sent its link: no reminder to repeat it
        fire(instance, "Timer_ActionSoonDue", second.id());
        assertThat(mails("plan-action:" + second.id())).extracting(OutboxMessage::template).containsExactly("action-owner");

        // the owner marks it done from the reminder's link
        plans.update(token("plan-action:" + first.id()), "DONE", "Audit of serum levels now weekly", null);
        assertThat(repository.action(first.id()).orElseThrow().status()).isEqualTo(PlanAction.Status.DONE);

        // the other is reassigned, then overdue: its new owner is reminded and the lead told
        plans.reassign(round.cycle().id(), round.code(), second.id(), "Cat Owner", "cat@nhs.example", "lead");
        fire(instance, "Timer_ActionOverdue", second.id());
        assertThat(mails("plan-action:" + second.id())).extracting(m -> m.template() + " " + m.recipient())
                .contains("action-owner cat@nhs.example", "action-update " + round.code().toLowerCase() + "@nhs.example");

        // every remaining action closed: the plan is complete
        for (PlanAction action : repository.find(round.planId()).orElseThrow().actions()) {
            if (action.open()) {
                plans.drop(round.cycle().id(), round.code(), action.id(), "Covered by the first action", "lead");
            }
        }
        assertThat(instance).hasPassed("End_ActionClosed", "Task_CompletePlan", "End_PlanCompleted").isEnded();
        assertThat(repository.find(round.planId()).orElseThrow().status()).isEqualTo(Plan.Status.COMPLETED);
    }

    @Test
    void aBlockedActionTellsTheLeadAndAChangedDueDateMovesItsReminders() {
        Published round = published();
        List<PlanAction> added = new java.util.ArrayList<>();
        for (String standard : plans.view(round.cycle().id(), round.code()).orElseThrow().shortfalls().stream()
                .map(s -> s.id()).toList()) {
            added.add(add(round, standard, "Dee Owner", "dee@nhs.example", 20));
        }
        plans.submit(round.cycle().id(), round.code(), "lead");
        PlanAction action = added.get(0);
        String token = token("plan-action:" + action.id());

        assertThatThrownBy(() -> plans.update(token, "BLOCKED", " ", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("blocking");
        plans.update(token, "BLOCKED", "No phlebotomy slots until the new clinic opens", null);
        assertThat(mails("plan-action:" + action.id())).extracting(OutboxMessage::template).contains("action-update");

        LocalDate later = LocalDate.now().plusDays(60);
        plans.update(token, "CHANGED", "Moved to the new clinic's opening", later.toString());
        PlanAction changed = repository.action(action.id()).orElseThrow();
        assertThat(changed.dueOn()).isEqualTo(later);
        assertThat(changed.status()).isEqualTo(PlanAction.Status.OPEN);
        ProcessInstance instance = instance(round.planId());
        assertThat(timer(instance, "Timer_ActionSoonDue", action.id()).getDuedate())
                .isEqualTo(ActionPlanActions.before(later));
        assertThat(timer(instance, "Timer_ActionOverdue", action.id()).getDuedate())
                .isEqualTo(ActionPlanActions.after(later));
        assertThat(repository.history(action.id())).extracting(h -> h.event().name()).containsExactly("PLANNED",
                "LINK_SENT", "BLOCKED", "CHANGED");
    }

    private PlanAction add(Published round, String standard, String owner, String email, int dueInDays) {
        return plans.addAction(round.cycle().id(), round.code(), new ActionPlans.ActionInput(standard,
                "Check every record for a serum level", owner, email, LocalDate.now().plusDays(dueInDays).toString(),
                "Share of records with a level in the past 3 months"), "lead");
    }

    private ProcessInstance instance(long planId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ActionPlanProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(planId)).singleResult();
    }

    private Job timer(ProcessInstance instance, String activityId, long actionId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().list()
                .stream().filter(j -> ((Number) runtime.getVariable(j.getExecutionId(), ActionPlanProcess.ACTION_ID))
                        .longValue() == actionId).findFirst().orElseThrow(() -> new AssertionError("No " + activityId));
    }

    private void fire(ProcessInstance instance, String activityId) {
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult().getId());
    }

    private void fire(ProcessInstance instance, String activityId, long actionId) {
        management.executeJob(timer(instance, activityId, actionId).getId());
    }

    private List<OutboxMessage> mails(String reference) {
        return outbox.about(List.of(reference)).stream().map(outbox::withWorkingLinks).toList();
    }

    private String token(String reference) {
        List<OutboxMessage> all = mails(reference).stream().filter(m -> m.template().startsWith("action-owner")
                || m.template().equals("action-reminder")).toList();
        Matcher link = LINK.matcher(all.get(all.size() - 1).textBody());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
