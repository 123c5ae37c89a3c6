package org.qipflow.participation;

import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Mail;
import org.qipflow.notification.Outbox;
import org.qipflow.programmes.Cycle;
import org.springframework.stereotype.Component;

/**
 * Writes an email about one organisation's participation to the outbox, in the caller's transaction;
 * an email announcing a deadline carries it as a calendar invitation, kept in step first.
 */
@Component
class LeadEmails {

    /** One of {@link CycleMails}' emails, for the organisation. */
    interface Compose {
        Mail of(CycleMails mails, Organisation organisation);
    }

    private final CycleMails mails;
    private final OrganisationService organisations;
    private final Outbox outbox;
    private final ParticipantCalendar calendar;

    LeadEmails(CycleMails mails, OrganisationService organisations, Outbox outbox, ParticipantCalendar calendar) {
        this.mails = mails;
        this.organisations = organisations;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    void send(String organisationCode, Compose mail) {
        outbox.enqueue(mail.of(mails, organisations.get(organisationCode)));
    }

    /** The email with the organisation's deadline as an invitation (or its cancellation once it declined). */
    void sendWithInvitation(Cycle cycle, String organisationCode, Compose mail) {
        Organisation organisation = organisations.get(organisationCode);
        outbox.enqueue(mail.of(mails, organisation)
                .withInvitation(calendar.deadlineInvitation(cycle, organisation).orElse(null)));
    }

    /** Brings the organisation's calendar entries in the cycle up to date. */
    void syncCalendar(Cycle cycle, String organisationCode) {
        calendar.sync(cycle, organisationCode);
    }

    /** Brings them up to date, and says whether its deadline moved. */
    boolean syncCalendarMovesDeadline(Cycle cycle, String organisationCode) {
        return calendar.syncMovesDeadline(cycle, organisationCode);
    }
}
