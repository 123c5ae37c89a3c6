package org.qipflow.participation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Fresh links to an organisation's open tasks, always to its lead on record, never to whoever asks. */
@Service
public class FreshLinkRequests {

    private final OrganisationService organisations;
    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final LeadTasks tasks;
    private final CycleMails mails;
    private final Outbox outbox;
    private final Clock clock;

    FreshLinkRequests(OrganisationService organisations, ParticipantRepository participants, CycleService cycles,
            LeadTasks tasks, CycleMails mails, Outbox outbox, Clock clock) {
        this.organisations = organisations;
        this.participants = participants;
        this.cycles = cycles;
        this.tasks = tasks;
        this.mails = mails;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Emails the lead on record fresh links to every task of the organisation that is open. */
    @Transactional
    public FreshLinks send(String organisationCode) {
        // a twin request at the same moment waits here, then finds this one's email and sends none
        Optional<Organisation> found = organisationCode == null ? Optional.empty()
                : organisations.findForUpdate(organisationCode.trim().toUpperCase(Locale.ROOT));
        if (found.isEmpty()) {
            return FreshLinks.NO_SUCH_ORGANISATION;
        }
        Organisation organisation = found.get();
        if (outbox.contains(CycleMails.freshLinksKey(organisation, clock.instant()))) {
            return FreshLinks.SENT_RECENTLY; // one such email per organisation per hour, whoever keeps asking
        }
        List<Map<String, Object>> open = new ArrayList<>();
        for (Participant p : participants.ofOrganisation(organisation.code())) {
            Cycle cycle = cycles.get(p.cycleId());
            tasks.actionable(cycle, p).ifPresent(t -> open.add(mails.taskEntry(cycle, organisation, t)));
        }
        if (open.isEmpty()) {
            return FreshLinks.NOTHING_OPEN;
        }
        outbox.enqueue(mails.freshLinks(organisation, open, clock.instant()));
        return FreshLinks.SENT;
    }
}
