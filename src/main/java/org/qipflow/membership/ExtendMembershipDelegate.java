package org.qipflow.membership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ExtendMembership}: adds the chosen number of membership years. */
@Component("extendMembershipDelegate")
class ExtendMembershipDelegate implements JavaDelegate {

    private final OrganisationService organisations;

    ExtendMembershipDelegate(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable(MembershipRenewalProcess.CODE);
        int years = ((Number) execution.getVariable(MembershipRenewalProcess.TERM_YEARS)).intValue();
        organisations.extendMembership(code, years);
    }
}
