package org.qipflow.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The timer table and the BPMN files name the same timers, steps and tasks, so neither can drift. */
class AuditTimerTest {

    private static final List<String> FILES = List.of("processes/audit-participation.bpmn", "processes/audit-cycle.bpmn");

    @Test
    void everyTimerOfTheAuditProcessesIsInTheTableAndAsksItForItsOwnDate() {
        Map<String, String> expressions = models().flatMap(m -> m.getModelElementsByType(TimerEventDefinition.class)
                .stream()).collect(Collectors.toMap(t -> t.getParentElement().getAttributeValue("id"),
                        t -> t.getTimeDate().getTextContent()));
        assertThat(expressions.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.of(AuditTimer.values()).map(AuditTimer::activityId).toList());
        expressions.forEach((id, expression) -> assertThat(expression).as(id)
                .startsWith("${auditSchedule.due('" + id + "', cycleId"));
    }

    @Test
    void everyReminderStepSendsTheReminderOfItsTimer() {
        List<String> reminderSteps = models().flatMap(m -> m.getModelElementsByType(ServiceTask.class).stream())
                .filter(t -> "${sendReminderDelegate}".equals(t.getCamundaDelegateExpression()))
                .map(ServiceTask::getId).toList();
        assertThat(reminderSteps).hasSize(3).allSatisfy(step -> {
            AuditTimer reminder = AuditTimer.reminderSentBy(step);
            assertThat(step).isEqualTo("Task_SendReminder" + reminder.daysBefore());
            assertThat(reminder.activityId()).isEqualTo("Timer_Reminder" + reminder.daysBefore());
        });
        assertThat(AuditTimer.REMINDER_14.nearerReminder()).contains(AuditTimer.REMINDER_7);
        assertThat(AuditTimer.REMINDER_7.nearerReminder()).contains(AuditTimer.REMINDER_2);
        assertThat(AuditTimer.REMINDER_2.nearerReminder()).isEmpty();
    }

    @Test
    void everyLeadUserTaskIsNamedByALeadTask() {
        List<String> leadTasks = models().flatMap(m -> m.getModelElementsByType(UserTask.class).stream())
                .filter(t -> "local-leads".equals(t.getCamundaCandidateGroups())).map(UserTask::getId).toList();
        assertThat(leadTasks).containsExactlyInAnyOrderElementsOf(
                Stream.of(LeadTask.values()).flatMap(t -> t.taskIds().stream()).toList());
        assertThat(LeadTask.SUBMIT_DATA.onTimeTaskId()).isEqualTo("Task_SubmitAuditData");
    }

    private static Stream<BpmnModelInstance> models() {
        return FILES.stream().map(f -> Bpmn.readModelFromFile(new File(f)));
    }
}
