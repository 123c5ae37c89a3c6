package org.qipflow.tasklink;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code task_link}; a link is found by its token's hash, never by the token. */
@Repository
class TaskLinkRepository {

    private final JdbcClient jdbc;

    TaskLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, String organisationCode, String subject, String purpose, Instant now,
            Instant expires) {
        jdbc.sql("""
                insert into task_link (token_hash, organisation_code, subject, purpose, created_at, expires_at)
                values (:hash, :org, :subject, :purpose, :now, :expires)
                """).param("hash", tokenHash).param("org", organisationCode).param("subject", subject)
                .param("purpose", purpose).param("now", utc(now)).param("expires", utc(expires)).update();
    }

    Optional<TaskLink> findByHash(String tokenHash) {
        return jdbc.sql("select * from task_link where token_hash = :hash").param("hash", tokenHash)
                .query(this::link).optional();
    }

    /** @return whether this call used it up (it was unused and unexpired) */
    boolean useOnce(String tokenHash, String purpose, Instant now) {
        return jdbc.sql("""
                update task_link set revoked_at = :now
                 where token_hash = :hash and purpose = :purpose and revoked_at is null and expires_at > :now
                """).param("now", utc(now)).param("hash", tokenHash).param("purpose", purpose).update() == 1;
    }

    /** @param replaced whether they end because a newer link is sent for the same task */
    void revoke(String organisationCode, String subject, String purpose, Instant now, boolean replaced) {
        jdbc.sql("""
                update task_link set revoked_at = :now, replaced = :replaced
                 where organisation_code = :org and subject = :subject and purpose = :purpose and revoked_at is null
                """).param("now", utc(now)).param("replaced", replaced).param("org", organisationCode)
                .param("subject", subject).param("purpose", purpose).update();
    }

    void revokeSubject(String subject, String purpose, Instant now) {
        jdbc.sql("""
                update task_link set revoked_at = :now
                 where subject = :subject and purpose = :purpose and revoked_at is null
                """).param("now", utc(now)).param("subject", subject).param("purpose", purpose).update();
    }

    void revokeAll(String organisationCode, Instant now) {
        jdbc.sql("update task_link set revoked_at = :now where organisation_code = :org and revoked_at is null")
                .param("now", utc(now)).param("org", organisationCode).update();
    }

    private TaskLink link(ResultSet rs, int row) throws SQLException {
        return new TaskLink(rs.getLong("id"), rs.getString("organisation_code"), rs.getString("subject"),
                rs.getString("purpose"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"), rs.getBoolean("replaced"));
    }
}
