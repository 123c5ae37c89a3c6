package org.qipflow.dissemination;

import java.util.function.LongConsumer;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates named by {@code report-sharing.bpmn}'s service tasks: each hands the share to {@link ReportSharingSteps}. */
@Configuration(proxyBeanMethods = false)
class ReportSharingDelegates {

    @Bean
    JavaDelegate sendReportLinkDelegate(ReportSharingSteps steps) {
        return of(steps::sendLink);
    }

    @Bean
    JavaDelegate remindTeamDelegate(ReportSharingSteps steps) {
        return of(steps::remind);
    }

    @Bean
    JavaDelegate tellLeadUnacknowledgedDelegate(ReportSharingSteps steps) {
        return of(steps::tellLeadUnacknowledged);
    }

    private static JavaDelegate of(LongConsumer step) {
        return execution -> step.accept(((Number) execution.getVariable(ReportSharingProcess.SHARE_ID)).longValue());
    }
}
