package org.qipflow.lifecycle;

import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine side of {@code processes/qip-programme.bpmn}: one instance per programme, business key =
 * programme code. Each round runs its own {@code audit-cycle} instance, started when it is scheduled
 * (rounds may be scheduled ahead, while another still runs); this one only waits between rounds. The
 * only class of this feature that talks to the engine.
 */
@Component
class ProgrammeProcess {

    static final String KEY = "qip-programme";
    static final String PROGRAMME_CODE = "programmeCode";
    static final String NEXT = "next";
    static final String BASELINE_TASK = "Task_ScheduleBaseline";
    static final String NEXT_ROUND_TASK = "Task_ScheduleNextRound";
    static final String INTERVENTION_TIMER = "Timer_InterventionEnds";
    static final String ROUNDS_PUBLISHED = "RoundsPublished";
    static final String ROUND_SCHEDULED = "RoundScheduled";
    static final String PROGRAMME_CLOSED = "ProgrammeClosed";

    /** How the coordinator's task ended; the BPMN's gateways read the name. */
    enum Next { ROUND, CLOSE }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    ProgrammeProcess(RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    void start(String programmeCode) {
        runtime.startProcessInstanceByKey(KEY, programmeCode, Map.of(PROGRAMME_CODE, programmeCode));
    }

    /**
     * Starts the process of a programme created before the process existed, at the point its rounds
     * have reached; a programme that has one already is left alone.
     */
    void startMidway(String programmeCode, boolean hasRounds, boolean everyRoundPublished) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(programmeCode)
                .count() > 0) {
            return;
        }
        start(programmeCode);
        if (hasRounds) {
            roundScheduled(programmeCode);
            if (everyRoundPublished) {
                roundsPublished(programmeCode);
            }
        }
    }

    /** A round was scheduled: it ends the coordinator's task, or the intervention period, whichever waits. */
    void roundScheduled(String programmeCode) {
        openTask(programmeCode).ifPresentOrElse(task -> tasks.complete(task.getId(), Map.of(NEXT, Next.ROUND.name())),
                () -> correlate(ROUND_SCHEDULED, programmeCode));
    }

    /** Every round scheduled so far has published its reports: the intervention period begins. */
    void roundsPublished(String programmeCode) {
        correlate(ROUNDS_PUBLISHED, programmeCode);
    }

    /** The coordinator closed the programme, from its task or during an intervention period. */
    void closed(String programmeCode) {
        openTask(programmeCode).ifPresentOrElse(task -> tasks.complete(task.getId(), Map.of(NEXT, Next.CLOSE.name())),
                () -> correlate(PROGRAMME_CLOSED, programmeCode));
    }

    /** Moves a waiting intervention-period timer to the date the programme now gives. */
    void refreshTimer(String programmeCode, Date due) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(programmeCode).singleResult();
        if (instance == null) {
            return;
        }
        for (Job timer : management.createJobQuery().processInstanceId(instance.getId())
                .activityId(INTERVENTION_TIMER).timers().list()) {
            management.setJobDuedate(timer.getId(), due);
        }
    }

    /** Whether the intervention period is over and the process waits for the coordinator's next round. */
    boolean nextRoundAsked(String programmeCode) {
        // asked on every view of the programme's page: a native query, since building the task query's
        // dynamic SQL costs more than running it (the task's id is this process's alone)
        return tasks.createNativeTaskQuery().sql("select count(*) from " + management.getTableName(Task.class) + " t join "
                + management.getTableName(Execution.class) + " e on e.ID_ = t.PROC_INST_ID_ where e.BUSINESS_KEY_ = "
                + "#{programmeCode} and t.TASK_DEF_KEY_ = #{task}").parameter("programmeCode", programmeCode)
                .parameter("task", NEXT_ROUND_TASK).count() > 0;
    }

    private Optional<Task> openTask(String programmeCode) {
        return tasks.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(programmeCode)
                .taskDefinitionKeyIn(BASELINE_TASK, NEXT_ROUND_TASK).list().stream().findFirst();
    }

    /** Delivers the message if the programme waits for it; otherwise it has nothing to change. */
    private void correlate(String message, String programmeCode) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(programmeCode).correlateAll();
    }
}
