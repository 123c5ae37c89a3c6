package org.qipflow.participation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates named by the service tasks of {@code audit-participation.bpmn}: each reads the ids
 * from the process and hands them to {@link ParticipationSteps}.
 */
@Configuration(proxyBeanMethods = false)
class ParticipationDelegates {

    @Bean
    JavaDelegate sendMaterialsDelegate(ParticipationSteps steps) {
        return execution -> steps.sendMaterials(cycleId(execution), organisation(execution));
    }

    @Bean
    JavaDelegate sendSubmissionLinkDelegate(ParticipationSteps steps) {
        return execution -> steps.sendSubmissionLink(cycleId(execution), organisation(execution));
    }

    /** One bean for every reminder on the ladder; which one is told by the step that runs it. */
    @Bean
    JavaDelegate sendReminderDelegate(ParticipationSteps steps) {
        return execution -> steps.sendReminder(cycleId(execution), organisation(execution),
                AuditTimer.reminderSentBy(execution.getCurrentActivityId()));
    }

    @Bean
    JavaDelegate markLateDelegate(ParticipationSteps steps) {
        return execution -> steps.markLate(cycleId(execution), organisation(execution));
    }

    @Bean
    JavaDelegate recordNoSubmissionDelegate(ParticipationSteps steps) {
        return execution -> steps.recordNoSubmission(cycleId(execution), organisation(execution));
    }

    private static long cycleId(DelegateExecution execution) {
        return ((Number) execution.getVariable(ParticipationProcess.CYCLE_ID)).longValue();
    }

    private static String organisation(DelegateExecution execution) {
        return (String) execution.getVariable(ParticipationProcess.ORGANISATION);
    }
}
