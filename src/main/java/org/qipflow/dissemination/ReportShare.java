package org.qipflow.dissemination;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report sent to one team of the organisation.
 *
 * @param outsideDomain whether the lead confirmed an address outside their own email domain
 * @param discussedOn   when the team discussed it, null until acknowledged
 * @param discussedWhere where, in the team's words: "team meeting", "ward huddle"
 * @param unacknowledgedAt when the lead was told the team had not acknowledged it after a reminder
 */
record ReportShare(long id, long cycleId, String organisationCode, String team, String contactName,
        String contactEmail, boolean outsideDomain, String sharedBy, Instant sharedAt, Instant remindedAt,
        Instant acknowledgedAt, LocalDate discussedOn, String discussedWhere, Instant unacknowledgedAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** Where it stands, in words, for the lead's list. */
    public String status() {
        if (acknowledged()) {
            return "Discussed";
        }
        if (unacknowledgedAt != null) {
            return "Not acknowledged";
        }
        return remindedAt != null ? "Reminded" : "Sent";
    }
}
