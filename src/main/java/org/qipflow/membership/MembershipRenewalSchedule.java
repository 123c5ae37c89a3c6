package org.qipflow.membership;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.Period;
import java.util.Date;

import org.qipflow.common.UkTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the renewal decision falls due: a notice period before the membership ends, at 09:00 UK
 * time. Called from the timer expression in {@code membership-renewal.bpmn}, hence public.
 */
@Component("membershipRenewalSchedule")
public class MembershipRenewalSchedule {

    private static final LocalTime START_OF_WORKING_DAY = LocalTime.of(9, 0);

    private final OrganisationRepository organisations;
    private final Period notice;

    MembershipRenewalSchedule(OrganisationRepository organisations,
            @Value("${qipflow.membership.renewal-notice:P8W}") Period notice) {
        this.organisations = organisations;
        this.notice = notice;
    }

    /** When the coordinator is asked to decide: the notice period before the membership ends. */
    public Date renewalDue(String organisationCode) {
        return Date.from(membershipEndsOn(organisationCode).minus(notice)
                .atTime(START_OF_WORKING_DAY).atZone(UkTime.ZONE).toInstant());
    }

    /**
     * When a membership that starts today ends if no date is given: this year's 31 December, or next
     * year's once this year's renewal decision is already due, so no member is "renewal due" on its
     * first day (joining in December pays for the rest of the year and the next).
     */
    LocalDate firstTermEnds(LocalDate today) {
        LocalDate thisYear = LocalDate.of(today.getYear(), Month.DECEMBER, 31);
        return thisYear.minus(notice).isAfter(today) ? thisYear : thisYear.plusYears(1);
    }

    /** The first moment after the last day of membership: midnight starting 1 January, UK time. */
    public Date membershipEnds(String organisationCode) {
        return Date.from(membershipEndsOn(organisationCode).plusDays(1).atStartOfDay(UkTime.ZONE).toInstant());
    }

    private LocalDate membershipEndsOn(String organisationCode) {
        return organisations.findByCode(organisationCode)
                .orElseThrow(() -> new IllegalStateException("No organisation " + organisationCode))
                .membershipEnds();
    }
}
