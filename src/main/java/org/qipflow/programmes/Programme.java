package org.qipflow.programmes;

import java.time.Instant;

/** A Quality Improvement Programme, such as QIP-7, and the audit definition its cycles use. */
public record Programme(long id, String code, String title, String auditDefinition, Instant createdAt) {
}
