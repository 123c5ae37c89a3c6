package org.qipflow.leadaccess;

import java.util.List;

import org.qipflow.membership.OrganisationService;
import org.qipflow.security.LeadPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The organisations a signed-in lead leads at this moment: those of the sign-in that the address still
 * leads, so a replaced lead loses access at once.
 */
@Component
class LedOrganisations {

    private final OrganisationService organisations;

    LedOrganisations(OrganisationService organisations) {
        this.organisations = organisations;
    }

    List<String> now(LeadPrincipal lead) {
        List<String> ledNow = organisations.codesLedBy(lead.email());
        return lead.organisationCodes().stream().filter(code -> lead.leads(code, ledNow)).toList();
    }

    /** @throws AccessDeniedException (403) unless the lead leads this organisation now */
    void check(LeadPrincipal lead, String organisationCode) {
        lead.check(organisationCode, organisations.codesLedBy(lead.email()));
    }
}
