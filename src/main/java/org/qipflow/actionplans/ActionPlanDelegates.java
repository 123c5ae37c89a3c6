package org.qipflow.actionplans;

import java.util.function.LongConsumer;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates named by {@code action-plan.bpmn}'s service tasks: each hands the plan or action to {@link ActionPlanSteps}. */
@Configuration(proxyBeanMethods = false)
class ActionPlanDelegates {

    @Bean
    JavaDelegate remindPlanLeadDelegate(ActionPlanSteps steps) {
        return of(ActionPlanProcess.PLAN_ID, steps::remindLead);
    }

    @Bean
    JavaDelegate sendActionOwnerLinkDelegate(ActionPlanSteps steps) {
        return of(ActionPlanProcess.ACTION_ID, steps::sendOwnerLink);
    }

    @Bean
    JavaDelegate remindActionSoonDueDelegate(ActionPlanSteps steps) {
        return of(ActionPlanProcess.ACTION_ID, steps::remindSoonDue);
    }

    @Bean
    JavaDelegate remindActionOverdueDelegate(ActionPlanSteps steps) {
        return of(ActionPlanProcess.ACTION_ID, steps::remindOverdue);
    }

    @Bean
    JavaDelegate completeActionPlanDelegate(ActionPlanSteps steps) {
        return of(ActionPlanProcess.PLAN_ID, steps::complete);
    }

    private static JavaDelegate of(String variable, LongConsumer step) {
        return execution -> step.accept(((Number) execution.getVariable(variable)).longValue());
    }
}
