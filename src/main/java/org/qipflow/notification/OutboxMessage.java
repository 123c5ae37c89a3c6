package org.qipflow.notification;

import java.time.Instant;

/** One email as stored in the outbox. */
public record OutboxMessage(
        long id,
        String key,
        String reference,
        String template,
        String recipient,
        String subject,
        String textBody,
        String htmlBody,
        String invitation,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    public enum Status { PENDING, SENT }
}
