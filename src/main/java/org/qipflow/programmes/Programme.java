package org.qipflow.programmes;

import java.time.Instant;

/**
 * A Quality Improvement Programme, such as QIP-7, and the audit definition its rounds use.
 *
 * @param auditDefinition    null while a programme adopted from a topic waits for its definition
 * @param interventionMonths how long, after a round's reports are published, members have to put
 *                           changes in place before the next round is due
 * @param closedAt           when the coordinator closed the programme; null while it runs
 */
public record Programme(long id, String code, String title, String auditDefinition, Instant createdAt,
        int interventionMonths, Instant closedAt) {
}
