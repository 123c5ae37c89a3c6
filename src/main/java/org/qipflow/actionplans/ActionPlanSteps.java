package org.qipflow.actionplans;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.qipflow.notification.Outbox;
import org.springframework.stereotype.Component;

/** What the service tasks of {@code action-plan.bpmn} do, each in the transaction of its step. */
@Component
class ActionPlanSteps {

    static final String QIPFLOW = "qipflow";
    /** A reminder so soon after the owner's link email would only repeat it. */
    static final Duration QUIET_AFTER_LINK = Duration.ofDays(2);

    private final PlanRepository plans;
    private final ActionPlanFacts facts;
    private final ActionPlanMails mails;
    private final Outbox outbox;
    private final Clock clock;

    ActionPlanSteps(PlanRepository plans, ActionPlanFacts facts, ActionPlanMails mails, Outbox outbox, Clock clock) {
        this.plans = plans;
        this.facts = facts;
        this.mails = mails;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code Task_RemindLead}: the plan is still unwritten, three and six weeks on. */
    void remindLead(long planId) {
        Plan plan = plans.find(planId).orElseThrow();
        int count = (int) (Duration.between(plan.createdAt(), clock.instant()).toDays() / 21);
        outbox.enqueue(mails.planReminder(facts.about(plan), planId, Math.max(1, count)));
    }

    /** {@code Task_SendOwnerLink}: the owner hears of the action, with a link of their own. */
    void sendOwnerLink(long actionId) {
        PlanAction action = plans.action(actionId).orElseThrow();
        Plan plan = plans.find(action.planId()).orElseThrow();
        outbox.enqueue(mails.toOwner(facts.about(plan), action, facts.standard(plan, action), "planned", "action-owner"));
        plans.addEvent(actionId, PlanAction.Event.LINK_SENT, QIPFLOW, "To " + action.ownerName(), clock.instant());
    }

    /** {@code Task_RemindSoonDue}: a week before the due date, while the action is open. */
    void remindSoonDue(long actionId) {
        remind(actionId, "soon", null);
    }

    /** {@code Task_RemindOverdue}: the day after the due date; the lead hears too. */
    void remindOverdue(long actionId) {
        remind(actionId, "overdue", "is overdue: it was due on ");
    }

    /** {@code Task_CompletePlan}: every action done or dropped. */
    void complete(long planId) {
        plans.status(planId, Plan.Status.COMPLETED, clock.instant());
    }

    private void remind(long actionId, String occasion, String toLead) {
        PlanAction action = plans.action(actionId).orElseThrow();
        if (!action.open()) {
            return;
        }
        Plan plan = plans.find(action.planId()).orElseThrow();
        ActionPlanMails.About about = facts.about(plan);
        String standard = facts.standard(plan, action);
        if (!sentLately(action)) {
            outbox.enqueue(mails.toOwner(about, action, standard, occasion + "-" + action.dueOn(), "action-reminder"));
            plans.addEvent(actionId, PlanAction.Event.REMINDED, QIPFLOW, action.ownerName() + ", due "
                    + action.dueOn().format(ActionPlanMails.DAY), clock.instant());
        }
        if (toLead != null) {
            outbox.enqueue(mails.toLead(about, action, standard, occasion + "-" + action.dueOn(),
                    "The action " + toLead + action.dueOn().format(ActionPlanMails.DAY)));
        }
    }

    /** Whether the owner was sent the action's link in the last two days. */
    private boolean sentLately(PlanAction action) {
        Instant since = clock.instant().minus(QUIET_AFTER_LINK);
        return plans.history(action.id()).stream().anyMatch(h -> (h.event() == PlanAction.Event.LINK_SENT
                || h.event() == PlanAction.Event.REASSIGNED) && h.takenAt().isAfter(since));
    }
}
