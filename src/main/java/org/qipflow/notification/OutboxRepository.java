package org.qipflow.notification;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String key) {
        return jdbc.sql("select count(*) from outbox_message where message_key = :key").param("key", key)
                .query(Long.class).single() > 0;
    }

    /** @return the new message's id */
    long insert(Mail mail, MailTemplates.Rendered rendered, Instant now) {
        jdbc.sql("""
                insert into outbox_message (message_key, reference, template, recipient, subject, text_body, html_body,
                       invitation, status, attempts, next_attempt_at, created_at)
                values (:key, :reference, :template, :recipient, :subject, :text, :html, :invitation, 'PENDING', 0,
                        :now, :now)
                """)
                .param("key", mail.key()).param("reference", mail.reference()).param("template", mail.template())
                .param("recipient", mail.recipient()).param("subject", rendered.subject())
                .param("text", rendered.text()).param("html", rendered.html()).param("invitation", mail.invitation())
                .param("now", utc(now)).update();
        return jdbc.sql("select id from outbox_message where message_key = :key").param("key", mail.key())
                .query(Long.class).single();
    }

    void attach(long messageId, Attachment attachment) {
        jdbc.sql("""
                insert into outbox_attachment (message_id, file_name, content_type, bytes)
                values (:id, :name, :type, :bytes)
                """).param("id", messageId).param("name", attachment.fileName())
                .param("type", attachment.contentType()).param("bytes", attachment.bytes()).update();
    }

    List<Attachment> attachments(long messageId) {
        return jdbc.sql("select * from outbox_attachment where message_id = :id order by file_name")
                .param("id", messageId).query((rs, n) -> new Attachment(rs.getString("file_name"),
                        rs.getString("content_type"), rs.getBytes("bytes"))).list();
    }

    List<OutboxMessage> latest(int limit) {
        return jdbc.sql("select * from outbox_message order by created_at desc, id desc limit :limit")
                .param("limit", limit).query(this::message).list();
    }

    /** Messages the mail server has refused or not answered at least once, oldest first. */
    List<OutboxMessage> undelivered(int limit) {
        return jdbc.sql("select * from outbox_message where status = 'PENDING' and attempts > 0"
                        + " order by created_at, id limit :limit")
                .param("limit", limit).query(this::message).list();
    }

    Optional<OutboxMessage> find(long id) {
        return jdbc.sql("select * from outbox_message where id = :id").param("id", id).query(this::message).optional();
    }

    List<OutboxMessage> byReferences(Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from outbox_message where reference in (:refs) order by created_at, id")
                .param("refs", references).query(this::message).list();
    }

    Optional<Instant> lastWritten(String reference, Collection<String> templates) {
        return jdbc.sql("""
                select max(created_at) as last_written from outbox_message
                 where reference = :reference and template in (:templates)
                """).param("reference", reference).param("templates", templates)
                .query((rs, n) -> Optional.ofNullable(instant(rs, "last_written"))).single();
    }

    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from outbox_message
                 where status = 'PENDING' and next_attempt_at <= :now
                   and (claimed_until is null or claimed_until < :now)
                 order by next_attempt_at, id limit :limit
                """).param("now", utc(now)).param("limit", limit).query(Long.class).list();
    }

    /** Claims a message for one sender; another node's relay finds it claimed and leaves it. */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("""
                update outbox_message set claimed_until = :until
                 where id = :id and status = 'PENDING' and (claimed_until is null or claimed_until < :now)
                """).param("until", utc(until)).param("id", id).param("now", utc(now)).update() == 1;
    }

    void markSent(long id, Instant now, String textBody, String htmlBody) {
        jdbc.sql("""
                update outbox_message set status = 'SENT', sent_at = :now, attempts = attempts + 1,
                       claimed_until = null, last_error = null, text_body = :text, html_body = :html
                 where id = :id
                """).param("now", utc(now)).param("text", textBody).param("html", htmlBody).param("id", id).update();
    }

    void markFailed(long id, Instant nextAttempt, String error) {
        jdbc.sql("""
                update outbox_message set attempts = attempts + 1, next_attempt_at = :next, claimed_until = null,
                       last_error = :error
                 where id = :id
                """).param("next", utc(nextAttempt)).param("error", error).param("id", id).update();
    }

    long count(OutboxMessage.Status status) {
        return jdbc.sql("select count(*) from outbox_message where status = :status").param("status", status.name())
                .query(Long.class).single();
    }

    private OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("message_key"), rs.getString("reference"),
                rs.getString("template"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("text_body"), rs.getString("html_body"), rs.getString("invitation"),
                OutboxMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "sent_at"));
    }
}
