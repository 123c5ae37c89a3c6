package org.qipflow.participation;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.qipflow.common.ConflictException;
import org.springframework.stereotype.Component;

/** The engine side of {@code audit-participation.bpmn}: the only class of this feature that talks to the engine. */
@Component
class ParticipationProcess {

    static final String KEY = "audit-participation";
    static final String CYCLE_ID = "cycleId";
    static final String ORGANISATION = "organisationCode";
    static final String TAKING_PART = "takingPart";
    /** The message the cycle sends when submission closes for everyone. */
    private static final String CYCLE_CLOSED = "CycleClosed";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final AuditSchedule schedule;

    ParticipationProcess(RuntimeService runtime, TaskService tasks, ManagementService management,
            AuditSchedule schedule) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.schedule = schedule;
    }

    void start(long cycleId, String organisationCode) {
        runtime.startProcessInstanceByKey(KEY, Participant.businessKey(cycleId, organisationCode),
                Map.of(CYCLE_ID, cycleId, ORGANISATION, organisationCode));
    }

    /** Ends every participation of the cycle still waiting; each records that it did not submit. */
    void closeAll(long cycleId) {
        runtime.createMessageCorrelation(CYCLE_CLOSED).processInstanceVariableEquals(CYCLE_ID, cycleId).correlateAll();
    }

    Optional<Task> openTask(long cycleId, String organisationCode, LeadTask task) {
        if (task.taskIds().isEmpty()) {
            return Optional.empty();
        }
        return tasks.createTaskQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(Participant.businessKey(cycleId, organisationCode))
                .taskDefinitionKeyIn(task.taskIds().toArray(String[]::new)).list().stream().findFirst();
    }

    /** Completes the lead's open task; a second completion, even a simultaneous one, is a conflict. */
    void complete(long cycleId, String organisationCode, LeadTask task, Map<String, Object> variables) {
        Task open = openTask(cycleId, organisationCode, task).orElseThrow(() -> alreadyDone(task));
        try {
            tasks.complete(open.getId(), variables);
        } catch (OptimisticLockingException | NotFoundException e) {
            throw alreadyDone(task);
        }
    }

    /**
     * Moves every waiting timer of the cycle's participations, or of one organisation's, to the date the
     * schedule now gives, so no stale timer is left behind; the submission task's due date follows.
     */
    void refreshTimers(long cycleId, Optional<String> organisationCode) {
        List<ProcessInstance> participations = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(CYCLE_ID, cycleId).list();
        for (ProcessInstance instance : participations) {
            String organisation = instance.getBusinessKey().substring(instance.getBusinessKey().indexOf(':') + 1);
            if (organisationCode.isPresent() && !organisationCode.get().equals(organisation)) {
                continue;
            }
            for (AuditTimer timer : AuditTimer.participationTimers()) {
                move(instance, timer.activityId(), Date.from(timer.due(schedule, cycleId, organisation)));
            }
            for (Task submit : tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(LeadTask.SUBMIT_DATA.onTimeTaskId()).list()) {
                submit.setDueDate(schedule.deadline(cycleId, organisation));
                tasks.saveTask(submit);
            }
        }
    }

    private void move(ProcessInstance instance, String activity, Date due) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).timers()
                .list()) {
            management.setJobDuedate(job.getId(), due);
        }
    }

    private static ConflictException alreadyDone(LeadTask task) {
        return new ConflictException(task == LeadTask.CONFIRM_PARTICIPATION
                ? "Participation has already been confirmed or declined"
                : "This task is not open: the data may already have been submitted, or the cycle has closed");
    }
}
