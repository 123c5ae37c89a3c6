package org.qipflow.participation;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Component;

/** Turns a token from an email into the {@link LeadLink} a page acts on, checked once, here. */
@Component
public class LeadLinks {

    private final TaskLinks links;
    private final Clock clock;

    LeadLinks(TaskLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** The link the token stands for, usable or not; empty for a token never issued for a cycle's task. */
    public Optional<LeadLink> find(String token) {
        return links.find(token).map(LeadLink::of).filter(Objects::nonNull);
    }

    /** The link, if it works now and is for one of these tasks. */
    public Optional<LeadLink> usable(String token, LeadTask... tasks) {
        return find(token).filter(l -> l.usableAt(clock.instant()) && List.of(tasks).contains(l.task()));
    }

    /** Ends the link that answers this data query, once it is answered. */
    public void endQueryLink(String organisationCode, long cycleId, long queryId) {
        links.revoke(organisationCode, LeadLink.subject(cycleId), LeadLink.queryPurpose(queryId));
    }
}
