package org.qipflow.dataqueries;

import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Mail;
import org.qipflow.notification.Outbox;
import org.qipflow.participation.LeadLink;
import org.qipflow.participation.LeadMailParts;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.springframework.stereotype.Component;

/** The question to the local lead, with a link to answer it, and the answer back to the programme team. */
@Component
class DataQueryMails {

    private final CycleService cycles;
    private final OrganisationService organisations;
    private final LeadMailParts parts;
    private final Outbox outbox;

    DataQueryMails(CycleService cycles, OrganisationService organisations, LeadMailParts parts, Outbox outbox) {
        this.cycles = cycles;
        this.organisations = organisations;
        this.parts = parts;
        this.outbox = outbox;
    }

    void asked(DataQuery query) {
        Cycle cycle = cycles.get(query.cycleId());
        Organisation organisation = organisations.get(query.organisationCode());
        Mail mail = parts.toLead("query-" + query.id(), cycle, organisation, null, "data-query",
                parts.link(cycle, organisation, LeadLink.queryPurpose(query.id())));
        outbox.enqueue(about(mail, query));
    }

    void answered(DataQuery query) {
        Cycle cycle = cycles.get(query.cycleId());
        Organisation organisation = organisations.get(query.organisationCode());
        Mail mail = parts.toCoordinators("query-" + query.id() + "-answer", cycle, organisation, null,
                "data-query-answered", "/cycles/" + cycle.id() + "/organisations/" + organisation.code());
        mail.model().put("answer", query.answer());
        outbox.enqueue(about(mail, query));
    }

    /** The question, and the record it is about as "team / pseudonym" (or null). */
    private static Mail about(Mail mail, DataQuery query) {
        mail.model().put("question", query.question());
        mail.model().put("record", query.recordLabel());
        return mail;
    }
}
