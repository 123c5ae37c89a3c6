package org.qipflow.calendar;

import java.time.Clock;
import java.util.Optional;

import org.qipflow.membership.LocalLeadChanged;
import org.qipflow.tasklink.Tokens;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's private feed address: a long random token, one working at a time. Issuing a new
 * one ends the old (a leaked link is fixed by issuing again); the token is shown once and only its
 * hash is kept.
 */
@Service
public class CalendarFeeds {

    private final CalendarFeedRepository feeds;
    private final Clock clock;

    CalendarFeeds(CalendarFeedRepository feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    /** @return the path of the new feed, {@code /calendar/feeds/{token}.ics}; it cannot be recovered later */
    @Transactional
    public String issue(String organisationCode, String issuedBy) {
        revoke(organisationCode);
        String token = Tokens.newToken();
        feeds.insert(organisationCode, Tokens.hash(token), issuedBy, clock.instant());
        return path(token);
    }

    /** Ends the organisation's feed address; its subscribers then get 404 until given a new one. */
    @Transactional
    public void revoke(String organisationCode) {
        feeds.revoke(organisationCode, clock.instant());
    }

    /**
     * A new local lead ends the address, as it ends every link the previous lead held; the new lead or a
     * coordinator issues a fresh one.
     */
    @EventListener
    void localLeadChanged(LocalLeadChanged event) {
        revoke(event.organisationCode());
    }

    @Transactional(readOnly = true)
    public boolean hasFeed(String organisationCode) {
        return feeds.hasWorking(organisationCode);
    }

    /** The organisation whose working feed this token opens. */
    @Transactional(readOnly = true)
    Optional<String> organisationOf(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return feeds.organisationOfWorking(Tokens.hash(token));
    }

    static String path(String token) {
        return "/calendar/feeds/" + token + ".ics";
    }
}
