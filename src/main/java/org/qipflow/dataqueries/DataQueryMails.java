package org.qipflow.dataqueries;

import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.participation.CycleMails;
import org.qipflow.programmes.CycleService;
import org.springframework.stereotype.Component;

/** The question to the local lead, with a link to answer it, and the answer back to the programme team. */
@Component
class DataQueryMails {

    private final CycleService cycles;
    private final OrganisationService organisations;
    private final CycleMails mails;
    private final Outbox outbox;

    DataQueryMails(CycleService cycles, OrganisationService organisations, CycleMails mails, Outbox outbox) {
        this.cycles = cycles;
        this.organisations = organisations;
        this.mails = mails;
        this.outbox = outbox;
    }

    void asked(DataQuery query) {
        outbox.enqueue(mails.query(cycles.get(query.cycleId()), organisations.get(query.organisationCode()),
                query.id(), query.question(), query.recordLabel()));
    }

    void answered(DataQuery query) {
        outbox.enqueue(mails.queryAnswered(cycles.get(query.cycleId()), organisations.get(query.organisationCode()),
                query.id(), query.question(), query.answer(), query.recordLabel()));
    }
}
