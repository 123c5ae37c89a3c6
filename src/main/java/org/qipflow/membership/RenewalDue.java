package org.qipflow.membership;

import java.util.Date;

/** A membership waiting for the coordinator's renewal decision. */
public record RenewalDue(String organisationCode, String taskId, Date since) {
}
