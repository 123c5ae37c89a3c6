package org.qipflow.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes an organisation's details and its local lead, and tells whoever depends on them: the renewal
 * process of a new member or of a membership whose end moved, and the rest of qipflow of a new lead.
 * Runs in the caller's transaction.
 */
@Component
class OrganisationChanges {

    private final OrganisationRepository organisations;
    private final MembershipRenewalProcess renewals;
    private final MembershipRenewalSchedule schedule;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationChanges(OrganisationRepository organisations, MembershipRenewalProcess renewals,
            MembershipRenewalSchedule schedule, ApplicationEventPublisher events, Clock clock) {
        this.organisations = organisations;
        this.renewals = renewals;
        this.schedule = schedule;
        this.events = events;
        this.clock = clock;
    }

    void insert(OrganisationDetails details) {
        LocalDate ends = details.membershipEnds() == null ? schedule.firstTermEnds(LocalDate.now(clock)) : details.membershipEnds();
        organisations.insert(details, ends, clock.instant());
        renewals.start(details.code());
    }

    /** @return whether anything changed */
    boolean apply(Organisation current, OrganisationDetails details) {
        LocalDate ends = details.membershipEnds() == null ? current.membershipEnds() : details.membershipEnds();
        boolean detailsChanged = !current.name().equals(details.name()) || current.nation() != details.nation()
                || current.type() != details.type() || !current.membershipEnds().equals(ends);
        boolean leadChanged = current.localLead() == null || !current.localLead().sameContact(details.lead());
        if (detailsChanged) {
            organisations.update(current.id(), details, ends, clock.instant());
        }
        if (leadChanged) {
            organisations.replaceLead(current.id(), details.lead(), clock.instant());
            if (current.localLead() == null || !current.localLead().samePerson(details.lead())) {
                events.publishEvent(new LocalLeadChanged(current.code()));
            }
            if (!detailsChanged) {
                organisations.touch(current.id(), clock.instant());
            }
        }
        if (!Objects.equals(current.membershipEnds(), ends) && current.active()) {
            renewals.membershipEndsChanged(current.code());
        }
        return detailsChanged || leadChanged;
    }
}
