package org.qipflow.calendar;

import static org.qipflow.common.SqlTime.utc;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code calendar_feed}: private feed addresses, found by their token's hash. */
@Repository
class CalendarFeedRepository {

    private final JdbcClient jdbc;

    CalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String organisationCode, String tokenHash, String issuedBy, Instant now) {
        jdbc.sql("""
                insert into calendar_feed (organisation_code, token_hash, issued_by, created_at)
                values (:org, :hash, :by, :now)
                """).param("org", organisationCode).param("hash", tokenHash).param("by", issuedBy)
                .param("now", utc(now)).update();
    }

    void revoke(String organisationCode, Instant now) {
        jdbc.sql("update calendar_feed set revoked_at = :now where organisation_code = :org and revoked_at is null")
                .param("now", utc(now)).param("org", organisationCode).update();
    }

    boolean hasWorking(String organisationCode) {
        return jdbc.sql("select count(*) from calendar_feed where organisation_code = :org and revoked_at is null")
                .param("org", organisationCode).query(Long.class).single() > 0;
    }

    Optional<String> organisationOfWorking(String tokenHash) {
        return jdbc.sql("select organisation_code from calendar_feed where token_hash = :hash and revoked_at is null")
                .param("hash", tokenHash).query(String.class).optional();
    }
}
