package org.qipflow.tasklink;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Issues and recognises task links. The raw token exists only in the email; the database has its hash. */
@Service
public class TaskLinks {


    private final JdbcClient jdbc;
    private final Clock clock;

    TaskLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A new link, which ends every earlier one for the same organisation, subject and purpose: only the
     * latest link sent for a task works.
     *
     * @return the raw token to put in the link; it cannot be recovered later
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(String organisationCode, String subject, String purpose, Duration validFor) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        jdbc.sql("""
                update task_link set revoked_at = :now, replaced = true
                 where organisation_code = :org and subject = :subject and purpose = :purpose and revoked_at is null
                """).param("now", utc(now)).param("org", organisationCode).param("subject", subject)
                .param("purpose", purpose).update();
        jdbc.sql("""
                insert into task_link (token_hash, organisation_code, subject, purpose, created_at, expires_at)
                values (:hash, :org, :subject, :purpose, :now, :expires)
                """).param("hash", Tokens.hash(token)).param("org", organisationCode).param("subject", subject)
                .param("purpose", purpose).param("now", utc(now)).param("expires", utc(now.plus(validFor))).update();
        return token;
    }

    /** The link a token stands for, whether or not it can still be used; empty for a token never issued. */
    @Transactional(readOnly = true)
    public Optional<TaskLink> find(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from task_link where token_hash = :hash").param("hash", Tokens.hash(token))
                .query(this::link).optional();
    }

    /**
     * Uses up a single-use link: true for exactly one caller while it is unused and unexpired, however
     * many present it at the same moment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean useOnce(String token, String purpose) {
        if (!Tokens.wellFormed(token)) {
            return false;
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                update task_link set revoked_at = :now
                 where token_hash = :hash and purpose = :purpose and revoked_at is null and expires_at > :now
                """).param("now", utc(now)).param("hash", Tokens.hash(token)).param("purpose", purpose).update() == 1;
    }

    /** Ends every link of this organisation for this subject and purpose, e.g. once the task is done. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revoke(String organisationCode, String subject, String purpose) {
        jdbc.sql("""
                update task_link set revoked_at = :now
                 where organisation_code = :org and subject = :subject and purpose = :purpose and revoked_at is null
                """).param("now", utc(clock.instant())).param("org", organisationCode).param("subject", subject)
                .param("purpose", purpose).update();
    }

    /** Ends every link for this subject and purpose, whichever organisation holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeSubject(String subject, String purpose) {
        jdbc.sql("""
                update task_link set revoked_at = :now
                 where subject = :subject and purpose = :purpose and revoked_at is null
                """).param("now", utc(clock.instant())).param("subject", subject).param("purpose", purpose).update();
    }

    /** Ends every link of the organisation, e.g. when its local lead changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeAll(String organisationCode) {
        jdbc.sql("update task_link set revoked_at = :now where organisation_code = :org and revoked_at is null")
                .param("now", utc(clock.instant())).param("org", organisationCode).update();
    }

    private TaskLink link(ResultSet rs, int row) throws SQLException {
        return new TaskLink(rs.getLong("id"), rs.getString("organisation_code"), rs.getString("subject"),
                rs.getString("purpose"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"), rs.getBoolean("replaced"));
    }
}
