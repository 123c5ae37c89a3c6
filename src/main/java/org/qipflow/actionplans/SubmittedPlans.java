package org.qipflow.actionplans;

import java.util.LinkedHashMap;
import java.util.Map;

import org.qipflow.interventions.InterventionCatalogue;
import org.qipflow.reporting.RoundPlans;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A round's submitted action plans, as the next round's reports show them. */
@Component
class SubmittedPlans implements RoundPlans {

    private final PlanRepository plans;
    private final InterventionCatalogue catalogue;

    SubmittedPlans(PlanRepository plans, InterventionCatalogue catalogue) {
        this.plans = plans;
        this.catalogue = catalogue;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Submitted> of(long cycleId) {
        Map<String, Submitted> submitted = new LinkedHashMap<>();
        for (Plan plan : plans.ofCycle(cycleId)) {
            if (!plan.writing()) {
                submitted.put(plan.organisationCode(), new Submitted(
                        plan.interventionIds().stream().map(id -> catalogue.get(id).title()).sorted().toList(),
                        plan.actions().stream().filter(a -> a.status() != PlanAction.Status.DROPPED)
                                .map(a -> new Action(a.standardId(), a.description(), a.status().label(),
                                        a.status() == PlanAction.Status.DONE))
                                .toList()));
            }
        }
        return submitted;
    }
}
