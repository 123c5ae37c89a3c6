package org.qipflow.auditcycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates named by the service tasks of {@code audit-cycle.bpmn}, handing the cycle to {@link CycleSteps}. */
@Configuration(proxyBeanMethods = false)
class CycleDelegates {

    @Bean
    JavaDelegate closeSubmissionsDelegate(CycleSteps steps) {
        return execution -> steps.closeSubmissions(cycleId(execution));
    }

    @Bean
    JavaDelegate runAnalysisDelegate(CycleSteps steps) {
        return execution -> steps.runAnalysis(cycleId(execution));
    }

    @Bean
    JavaDelegate publishReportsDelegate(CycleSteps steps) {
        return execution -> steps.publishResults(cycleId(execution));
    }

    private static long cycleId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CycleProcess.CYCLE_ID)).longValue();
    }
}
