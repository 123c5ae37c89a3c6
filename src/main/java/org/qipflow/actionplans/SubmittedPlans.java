package org.qipflow.actionplans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qipflow.reporting.RoundPlans;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A round's submitted action plans, as the next round's reports show them: read in three queries, however many. */
@Component
class SubmittedPlans implements RoundPlans {

    private final PlanRepository plans;

    SubmittedPlans(PlanRepository plans) {
        this.plans = plans;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Submitted> of(long cycleId) {
        Map<String, List<String>> interventions = plans.submittedInterventions(cycleId);
        Map<String, Submitted> submitted = new LinkedHashMap<>();
        plans.submittedActions(cycleId).forEach((organisation, actions) -> submitted.put(organisation, new Submitted(
                interventions.getOrDefault(organisation, List.of()), actions.stream().map(a -> new Action(
                        a.standardId(), a.description(), a.status().label(), a.status() == PlanAction.Status.DONE))
                        .toList())));
        return submitted;
    }
}
