package org.qipflow.actionplans;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;

import org.qipflow.common.UkTime;
import org.springframework.stereotype.Component;

/**
 * What {@code action-plan.bpmn} reads of a plan: the actions to work once it is submitted, and when
 * each action's reminders go, a week before its due date and the day after it, at 09:00 UK time
 * ({@code ${actionPlanActions.reminderBefore(actionId)}}).
 */
@Component("actionPlanActions")
public class ActionPlanActions {

    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
    static final int DAYS_BEFORE = 7;

    private final PlanRepository plans;

    ActionPlanActions(PlanRepository plans) {
        this.plans = plans;
    }

    /** The plan's actions still open, one part of the process each. */
    public List<Long> open(Object planId) {
        return plans.find(((Number) planId).longValue()).orElseThrow().actions().stream().filter(PlanAction::open)
                .map(PlanAction::id).toList();
    }

    public Date reminderBefore(Object actionId) {
        return before(due(actionId));
    }

    public Date reminderAfter(Object actionId) {
        return after(due(actionId));
    }

    static Date before(LocalDate due) {
        return at(due.minusDays(DAYS_BEFORE));
    }

    static Date after(LocalDate due) {
        return at(due.plusDays(1));
    }

    private LocalDate due(Object actionId) {
        return plans.action(((Number) actionId).longValue()).orElseThrow().dueOn();
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atTime(REMINDER_TIME).atZone(UkTime.ZONE).toInstant());
    }
}
