package org.qipflow.auditcycle;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.qipflow.common.ConflictException;
import org.qipflow.participation.AuditSchedule;
import org.qipflow.participation.AuditTimer;
import org.springframework.stereotype.Component;

/** The engine side of {@code audit-cycle.bpmn}: the only class of this feature that talks to the engine. */
@Component
class CycleProcess {

    static final String KEY = "audit-cycle";
    static final String CYCLE_ID = "cycleId";
    static final String REVIEW = "Task_ReviewAndPublish";
    private static final String CLOSING_TIMER = AuditTimer.LATE_SUBMISSIONS_END.activityId();

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final AuditSchedule schedule;

    CycleProcess(RuntimeService runtime, TaskService tasks, ManagementService management, AuditSchedule schedule) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.schedule = schedule;
    }

    void start(long cycleId) {
        runtime.startProcessInstanceByKey(KEY, String.valueOf(cycleId), Map.of(CYCLE_ID, cycleId));
    }

    Optional<Task> reviewTask(long cycleId) {
        return tasks.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(String.valueOf(cycleId))
                .taskDefinitionKey(REVIEW).list().stream().findFirst();
    }

    /** Cycles whose reports wait for a coordinator's review, oldest first. */
    List<Long> cyclesAwaitingReview() {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(REVIEW)
                .orderByTaskCreateTime().asc().list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, String> keys = runtime.createProcessInstanceQuery()
                .processInstanceIds(open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream().collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
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

    /** Moves the cycle's waiting "late submissions end" timer to the date the schedule now gives. */
    void refreshTimer(long cycleId) {
        Date due = schedule.due(CLOSING_TIMER, cycleId);
        for (Job timer : closingTimers(cycleId)) {
            management.setJobDuedate(timer.getId(), due);
        }
    }

    private List<Job> closingTimers(long cycleId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(cycleId)).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId())
                        .activityId(CLOSING_TIMER).timers().list().stream())
                .toList();
    }
}
