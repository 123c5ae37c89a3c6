package org.qipflow.actionplans;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where an organisation's action plan for a round stands, for the lead's task list. */
@Service
public class ActionPlanProgress {

    private final PlanRepository plans;

    ActionPlanProgress(PlanRepository plans) {
        this.plans = plans;
    }

    /**
     * @param written  whether it has been submitted
     * @param complete whether every action is done or dropped
     * @param progress e.g. "1 of 2 actions done"
     */
    public record Summary(boolean written, boolean complete, String progress) {
    }

    /** Empty until the round's reports are out, and for an organisation whose data did not count. */
    @Transactional(readOnly = true)
    public Optional<Summary> of(long cycleId, String organisationCode) {
        return plans.id(cycleId, organisationCode).flatMap(plans::find).map(plan -> new Summary(!plan.writing(),
                plan.status() == Plan.Status.COMPLETED, plan.progress()));
    }
}
