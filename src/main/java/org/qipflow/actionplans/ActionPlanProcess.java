package org.qipflow.actionplans;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.qipflow.common.ProcessMessages;
import org.springframework.stereotype.Component;

/**
 * The engine side of {@code processes/action-plan.bpmn}: one instance per plan, business key = plan
 * id; each action's part of it carries the action's id. The only class of this feature, with
 * {@link ActionPlanDelegates}, that talks to the engine.
 */
@Component
class ActionPlanProcess {

    static final String KEY = "action-plan";
    static final String PLAN_ID = "planId";
    static final String ACTION_ID = "actionId";
    static final String SUBMITTED = "ActionPlanSubmitted";
    static final String CLOSED = "PlanActionClosed";
    static final String SOON_DUE = "Timer_ActionSoonDue";
    static final String OVERDUE = "Timer_ActionOverdue";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProcessMessages messages;

    ActionPlanProcess(RuntimeService runtime, ManagementService management, ProcessMessages messages) {
        this.runtime = runtime;
        this.management = management;
        this.messages = messages;
    }

    void start(long planId) {
        runtime.startProcessInstanceByKey(KEY, String.valueOf(planId), Map.of(PLAN_ID, planId));
    }

    /** @return false when the plan no longer waits to be written */
    boolean submitted(long planId) {
        return messages.deliver(KEY, String.valueOf(planId), SUBMITTED);
    }

    /** The action is done or dropped: its reminders stop. @return false when it was closed already */
    boolean closed(long planId, long actionId) {
        return messages.deliver(KEY, String.valueOf(planId), CLOSED, ACTION_ID, actionId);
    }

    /** A new due date moves the action's reminders that have not yet gone. */
    void moveReminders(long planId, long actionId, Date soonDue, Date overdue) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(planId)).singleResult();
        if (instance == null) {
            return;
        }
        for (Map.Entry<String, Date> timer : Map.of(SOON_DUE, soonDue, OVERDUE, overdue).entrySet()) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).activityId(timer.getKey())
                    .timers().list()) {
                Object action = runtime.getVariable(job.getExecutionId(), ACTION_ID);
                if (action instanceof Number n && n.longValue() == actionId) {
                    management.setJobDuedate(job.getId(), timer.getValue());
                }
            }
        }
    }
}
