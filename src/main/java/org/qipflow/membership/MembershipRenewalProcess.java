package org.qipflow.membership;

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
import org.springframework.stereotype.Component;

/**
 * The engine side of {@code processes/membership-renewal.bpmn}: one instance per active member,
 * business key = organisation code. The only class in this feature that talks to the engine.
 */
@Component
class MembershipRenewalProcess {

    static final String PROCESS_KEY = "membership-renewal";
    static final String TIMER = "Timer_RenewalDue";
    static final String TASK = "Task_DecideRenewal";
    static final String ENDS_TIMER = "Timer_MembershipEnds";
    static final String NEXT_TERM = "Gateway_NextTerm";
    static final String DEACTIVATED_MESSAGE = "OrganisationDeactivated";
    static final String CODE = "organisationCode";
    static final String RENEW = "renew";
    static final String TERM_YEARS = "termYears";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final MembershipRenewalSchedule schedule;

    MembershipRenewalProcess(RuntimeService runtime, TaskService tasks, ManagementService management,
            MembershipRenewalSchedule schedule) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.schedule = schedule;
    }

    /** Starts the organisation's renewal cycle unless one is already running. */
    void start(String code) {
        if (runningInstance(code).isEmpty()) {
            runtime.startProcessInstanceByKey(PROCESS_KEY, code, Map.of(CODE, code));
        }
    }

    /** Ends the renewal cycle of a deactivated organisation, wherever it is waiting. */
    void cancel(String code) {
        runtime.createMessageCorrelation(DEACTIVATED_MESSAGE).processInstanceBusinessKey(code).correlateAll();
    }

    /**
     * Follows a new membership end wherever the instance waits, so no stale date is left behind: the
     * renewal timer and an open decision's due date move; a decision to end the old term no longer
     * applies, so the instance starts a new renewal round for the new term.
     */
    void membershipEndsChanged(String code) {
        runningInstance(code).ifPresent(instance -> {
            Job renewalTimer = timer(instance, TIMER);
            if (renewalTimer != null) {
                management.setJobDuedate(renewalTimer.getId(), schedule.renewalDue(code));
            }
            Task decision = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK)
                    .singleResult();
            if (decision != null) {
                decision.setDueDate(schedule.membershipEnds(code));
                tasks.saveTask(decision);
            }
            if (timer(instance, ENDS_TIMER) != null) {
                runtime.createProcessInstanceModification(instance.getId())
                        .cancelAllForActivity(ENDS_TIMER)
                        .startBeforeActivity(NEXT_TERM)
                        .execute();
            }
        });
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    List<RenewalDue> openRenewals() {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskDefinitionKey(TASK)
                .orderByTaskCreateTime().asc().list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, String> codes = runtime.createProcessInstanceQuery()
                .processInstanceIds(open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream().collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return open.stream()
                .map(t -> new RenewalDue(codes.get(t.getProcessInstanceId()), t.getId(), t.getCreateTime()))
                .toList();
    }

    Optional<RenewalDue> openRenewal(String code) {
        return openRenewals().stream().filter(r -> r.organisationCode().equals(code)).findFirst();
    }

    /** Records the coordinator's decision; a decision sent twice is refused, not applied twice. */
    void decide(String code, boolean renew, int termYears) {
        RenewalDue due = openRenewal(code).orElseThrow(() -> alreadyDecided(code));
        try {
            tasks.complete(due.taskId(), Map.of(RENEW, renew, TERM_YEARS, termYears));
        } catch (OptimisticLockingException | NotFoundException e) {
            // someone else's decision completed the task first
            throw alreadyDecided(code);
        }
    }

    private static ConflictException alreadyDecided(String code) {
        return new ConflictException("No renewal decision is waiting for " + code + "; it may already have been made");
    }

    private Optional<ProcessInstance> runningInstance(String code) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(code)
                .list().stream().findFirst();
    }

}
