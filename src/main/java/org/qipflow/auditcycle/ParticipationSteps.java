package org.qipflow.auditcycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code audit-participation.bpmn}: each reads the ids from the process and
 * calls {@link ParticipationService}, where the work and its email happen in the step's transaction.
 */
@Configuration(proxyBeanMethods = false)
class ParticipationSteps {

    @Bean
    JavaDelegate sendMaterialsDelegate(ParticipationService participation) {
        return execution -> participation.sendMaterials(cycleId(execution), organisation(execution));
    }

    @Bean
    JavaDelegate sendSubmissionLinkDelegate(ParticipationService participation) {
        return execution -> participation.sendSubmissionLink(cycleId(execution), organisation(execution));
    }

    /** One bean for the 14-, 7- and 2-day reminders; each service task passes {@code reminderDays}. */
    @Bean
    JavaDelegate sendReminderDelegate(ParticipationService participation) {
        return execution -> participation.sendReminder(cycleId(execution), organisation(execution),
                Integer.parseInt(String.valueOf(execution.getVariableLocal("reminderDays"))));
    }

    @Bean
    JavaDelegate markLateDelegate(ParticipationService participation) {
        return execution -> participation.markLate(cycleId(execution), organisation(execution));
    }

    @Bean
    JavaDelegate recordNoSubmissionDelegate(ParticipationService participation) {
        return execution -> participation.recordNoSubmission(cycleId(execution), organisation(execution));
    }

    static long cycleId(DelegateExecution execution) {
        return ((Number) execution.getVariable(AuditProcesses.CYCLE_ID)).longValue();
    }

    static String organisation(DelegateExecution execution) {
        return (String) execution.getVariable(AuditProcesses.ORGANISATION);
    }
}
