package org.qipflow.membership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates named by the service tasks of {@code membership-renewal.bpmn}: each reads the
 * organisation from the process and hands it to {@link MembershipRenewals}.
 */
@Configuration(proxyBeanMethods = false)
class MembershipRenewalDelegates {

    /** {@code Task_ExtendMembership}: adds the chosen number of membership years. */
    @Bean
    JavaDelegate extendMembershipDelegate(MembershipRenewals renewals) {
        return execution -> renewals.extendMembership(code(execution),
                ((Number) execution.getVariable(MembershipRenewalProcess.TERM_YEARS)).intValue());
    }

    /** {@code Task_EndMembership}: deactivates an organisation whose membership was not renewed. */
    @Bean
    JavaDelegate endMembershipDelegate(MembershipRenewals renewals) {
        return execution -> renewals.endMembership(code(execution));
    }

    private static String code(DelegateExecution execution) {
        return (String) execution.getVariable(MembershipRenewalProcess.CODE);
    }
}
