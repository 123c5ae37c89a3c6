package org.qipflow.membership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EndMembership}: deactivates an organisation whose membership was not renewed. */
@Component("endMembershipDelegate")
class EndMembershipDelegate implements JavaDelegate {

    private final OrganisationService organisations;

    EndMembershipDelegate(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        organisations.endMembership((String) execution.getVariable(MembershipRenewalProcess.CODE));
    }
}
