package org.qipflow.tasklink;

import java.time.Instant;

/**
 * What a token stands for.
 *
 * @param subject what the link is about, e.g. {@code cycle:12}
 * @param purpose what it lets the holder do, e.g. {@code SUBMIT_DATA}
 * @param replaced whether it ended because a newer link was sent for the same task
 */
public record TaskLink(long id, String organisationCode, String subject, String purpose, Instant createdAt,
        Instant expiresAt, Instant revokedAt, boolean replaced) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
