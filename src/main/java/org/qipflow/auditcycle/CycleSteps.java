package org.qipflow.auditcycle;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code audit-cycle.bpmn}. */
@Configuration(proxyBeanMethods = false)
class CycleSteps {

    @Bean
    JavaDelegate closeSubmissionsDelegate(ParticipationService participation) {
        return execution -> participation.closeSubmissions(ParticipationSteps.cycleId(execution));
    }

    /** The analysis step: every standard over the submitted records, stored for the reports. */
    @Bean
    JavaDelegate runAnalysisDelegate(ParticipationService participation) {
        return execution -> participation.runAnalysis(ParticipationSteps.cycleId(execution));
    }

    @Bean
    JavaDelegate publishReportsDelegate(ParticipationService participation) {
        return execution -> participation.publishResults(ParticipationSteps.cycleId(execution));
    }
}
