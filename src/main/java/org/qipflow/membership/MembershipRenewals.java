package org.qipflow.membership;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.qipflow.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renewing memberships: the renewals waiting for a coordinator's decision, the decision, and the two
 * steps of {@code membership-renewal.bpmn} that carry it out.
 */
@Service
public class MembershipRenewals {

    private final OrganisationRepository organisations;
    private final MembershipRenewalProcess renewals;
    private final Clock clock;

    MembershipRenewals(OrganisationRepository organisations, MembershipRenewalProcess renewals, Clock clock) {
        this.organisations = organisations;
        this.renewals = renewals;
        this.clock = clock;
    }

    /** Memberships waiting for a renewal decision, longest waiting first. */
    @Transactional(readOnly = true)
    public List<RenewalDue> due() {
        return renewals.openRenewals();
    }

    @Transactional(readOnly = true)
    public Optional<RenewalDue> due(String code) {
        return renewals.openRenewal(OrganisationValidator.normaliseCode(code));
    }

    /** A decision sent twice, or by two coordinators at once, is applied once; the other gets a conflict. */
    @Transactional
    public void decide(String code, RenewalDecision decision) {
        Organisation organisation = organisations.findByCodeForUpdate(OrganisationValidator.normaliseCode(code))
                .orElseThrow(() -> notFound(code));
        renewals.decide(organisation.code(), decision.renews(), decision.years());
    }

    /** The renewal process extends a membership by whole membership years. */
    @Transactional
    void extendMembership(String code, int years) {
        Organisation current = get(code);
        organisations.setMembershipEnds(current.id(), current.membershipEnds().plusYears(years), clock.instant());
    }

    /** The renewal process ends a membership that was not renewed. */
    @Transactional
    void endMembership(String code) {
        Organisation current = get(code);
        if (current.active()) {
            organisations.setActive(current.id(), false, clock.instant());
        }
    }

    private Organisation get(String code) {
        return organisations.findByCode(OrganisationValidator.normaliseCode(code)).orElseThrow(() -> notFound(code));
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("No organisation has the code " + code);
    }
}
