package org.qipflow.auditcycle;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

/**
 * The engine side of {@code audit-cycle.bpmn} and {@code audit-participation.bpmn}; the only class of
 * this feature that talks to the engine's services.
 */
@Component
class AuditProcesses {

    static final String CYCLE = "audit-cycle";
    static final String PARTICIPATION = "audit-participation";
    static final String CYCLE_ID = "cycleId";
    static final String ORGANISATION = "organisationCode";
    static final String TAKING_PART = "takingPart";
    static final String CYCLE_CLOSED = "CycleClosed";
    static final String REVIEW = "Task_ReviewAndPublish";

    /** Participation timers and how to work out when each falls due. */
    private static final Map<String, TimerRule> PARTICIPATION_TIMERS = Map.of(
            "Timer_MaterialsDispatch", (s, cycle, org) -> s.materialsDispatch(cycle),
            "Timer_SubmissionOpens", (s, cycle, org) -> s.submissionOpens(cycle),
            "Timer_Reminder14", (s, cycle, org) -> s.reminder(cycle, org, 14),
            "Timer_Reminder7", (s, cycle, org) -> s.reminder(cycle, org, 7),
            "Timer_Reminder2", (s, cycle, org) -> s.reminder(cycle, org, 2),
            "Timer_SubmissionDeadline", (s, cycle, org) -> s.deadline(cycle, org));
    private static final String CYCLE_TIMER = "Timer_LateSubmissionsEnd";

    private interface TimerRule {
        Date due(AuditSchedule schedule, long cycleId, String organisationCode);
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final AuditSchedule schedule;

    AuditProcesses(RuntimeService runtime, TaskService tasks, ManagementService management, AuditSchedule schedule) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.schedule = schedule;
    }

    void startCycle(long cycleId) {
        runtime.startProcessInstanceByKey(CYCLE, String.valueOf(cycleId), Map.of(CYCLE_ID, cycleId));
    }

    void startParticipation(long cycleId, String organisationCode) {
        runtime.startProcessInstanceByKey(PARTICIPATION, Participant.businessKey(cycleId, organisationCode),
                Map.of(CYCLE_ID, cycleId, ORGANISATION, organisationCode));
    }

    /** Ends every participation of the cycle still waiting; each records that it did not submit. */
    void closeParticipations(long cycleId) {
        runtime.createMessageCorrelation(CYCLE_CLOSED).processInstanceVariableEquals(CYCLE_ID, cycleId).correlateAll();
    }

    Optional<Task> openTask(long cycleId, String organisationCode, LeadTask task) {
        if (task.taskIds().isEmpty()) {
            return Optional.empty();
        }
        return tasks.createTaskQuery().processDefinitionKey(PARTICIPATION)
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

    Optional<Task> reviewTask(long cycleId) {
        return tasks.createTaskQuery().processDefinitionKey(CYCLE).processInstanceBusinessKey(String.valueOf(cycleId))
                .taskDefinitionKey(REVIEW).list().stream().findFirst();
    }

    /** Cycles whose reports wait for a coordinator's review, oldest first. */
    List<Long> cyclesAwaitingReview() {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(CYCLE).taskDefinitionKey(REVIEW)
                .orderByTaskCreateTime().asc().list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, String> keys = runtime.createProcessInstanceQuery()
                .processInstanceIds(open.stream().map(Task::getProcessInstanceId).collect(java.util.stream.Collectors.toSet()))
                .list().stream().collect(java.util.stream.Collectors.toMap(ProcessInstance::getId,
                        ProcessInstance::getBusinessKey));
        return open.stream().map(t -> Long.valueOf(keys.get(t.getProcessInstanceId()))).toList();
    }

    void publish(long cycleId) {
        Task review = reviewTask(cycleId).orElseThrow(() -> new ConflictException(
                "These reports are not waiting for review: they may already have been published"));
        try {
            tasks.complete(review.getId());
        } catch (OptimisticLockingException | NotFoundException e) {
            throw new ConflictException("These reports have just been published by someone else");
        }
    }

    /** Whether the cycle still waits for late submissions to end, i.e. submission has not closed. */
    boolean submissionOpen(long cycleId) {
        return !closingTimers(cycleId).isEmpty();
    }

    /**
     * Fires the cycle's "late submissions end" timer now rather than at its date: submission closes for
     * everyone and the analysis starts, exactly as when the date comes (its steps run asynchronously).
     */
    void closeSubmissionNow(long cycleId) {
        List<Job> timers = closingTimers(cycleId);
        if (timers.isEmpty()) {
            throw new ConflictException("Submission has already closed for this cycle");
        }
        try {
            management.executeJob(timers.get(0).getId());
        } catch (OptimisticLockingException | NotFoundException e) {
            throw new ConflictException("Submission has just been closed by someone else");
        }
    }

    private List<Job> closingTimers(long cycleId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CYCLE)
                .processInstanceBusinessKey(String.valueOf(cycleId)).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId())
                        .activityId(CYCLE_TIMER).timers().list().stream())
                .toList();
    }

    /** The cycles whose process is still running: not yet published and closed for good. */
    List<Long> runningCycles() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CYCLE).active().list().stream()
                .map(instance -> Long.valueOf(instance.getBusinessKey())).toList();
    }

    /**
     * Moves every waiting timer of the cycle, or of one organisation's participation, to the date the
     * schedule now gives, so no stale timer is left behind.
     */
    void refreshTimers(long cycleId, Optional<String> organisationCode) {
        List<ProcessInstance> participations = runtime.createProcessInstanceQuery().processDefinitionKey(PARTICIPATION)
                .variableValueEquals(CYCLE_ID, cycleId).list();
        for (ProcessInstance instance : participations) {
            String organisation = instance.getBusinessKey().substring(instance.getBusinessKey().indexOf(':') + 1);
            if (organisationCode.isPresent() && !organisationCode.get().equals(organisation)) {
                continue;
            }
            PARTICIPATION_TIMERS.forEach((activity, rule) -> move(instance, activity,
                    id -> rule.due(schedule, cycleId, organisation)));
            for (Task submit : tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey("Task_SubmitAuditData").list()) {
                submit.setDueDate(schedule.deadline(cycleId, organisation));
                tasks.saveTask(submit);
            }
        }
        runtime.createProcessInstanceQuery().processDefinitionKey(CYCLE).processInstanceBusinessKey(
                String.valueOf(cycleId)).list().forEach(instance -> move(instance, CYCLE_TIMER,
                        id -> schedule.lateSubmissionsEnd(cycleId)));
    }

    private void move(ProcessInstance instance, String activity, Function<String, Date> due) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).timers()
                .list()) {
            management.setJobDuedate(job.getId(), due.apply(activity));
        }
    }

    private static ConflictException alreadyDone(LeadTask task) {
        return new ConflictException(task == LeadTask.CONFIRM_PARTICIPATION
                ? "Participation has already been confirmed or declined"
                : "This task is not open: the data may already have been submitted, or the cycle has closed");
    }
}
