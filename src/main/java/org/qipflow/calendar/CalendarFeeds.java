package org.qipflow.calendar;

import static org.qipflow.common.SqlTime.utc;

import java.time.Clock;
import java.util.Optional;
import org.qipflow.membership.LocalLeadChanged;
import org.qipflow.tasklink.Tokens;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's private feed address: a long random token, one working at a time. Issuing a new
 * one ends the old (a leaked link is fixed by issuing again); the token is shown once and only its
 * hash is kept.
 */
@Service
public class CalendarFeeds {

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the path of the new feed, {@code /calendar/feeds/{token}.ics}; it cannot be recovered later */
    @Transactional
    public String issue(String organisationCode, String issuedBy) {
        revoke(organisationCode);
        String token = Tokens.newToken();
        jdbc.sql("""
                insert into calendar_feed (organisation_code, token_hash, issued_by, created_at)
                values (:org, :hash, :by, :now)
                """).param("org", organisationCode).param("hash", Tokens.hash(token)).param("by", issuedBy)
                .param("now", utc(clock.instant())).update();
        return path(token);
    }

    /** Ends the organisation's feed address; its subscribers then get 404 until given a new one. */
    @Transactional
    public void revoke(String organisationCode) {
        jdbc.sql("update calendar_feed set revoked_at = :now where organisation_code = :org and revoked_at is null")
                .param("now", utc(clock.instant())).param("org", organisationCode).update();
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
        return jdbc.sql("select count(*) from calendar_feed where organisation_code = :org and revoked_at is null")
                .param("org", organisationCode).query(Long.class).single() > 0;
    }

    /** The organisation whose working feed this token opens. */
    @Transactional(readOnly = true)
    Optional<String> organisationOf(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select organisation_code from calendar_feed where token_hash = :hash and revoked_at is null")
                .param("hash", Tokens.hash(token)).query(String.class).optional();
    }

    static String path(String token) {
        return "/calendar/feeds/" + token + ".ics";
    }
}
