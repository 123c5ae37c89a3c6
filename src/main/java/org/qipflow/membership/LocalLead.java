package org.qipflow.membership;

import java.time.Instant;

/** A nominated local lead; {@code nominatedUntil} is empty for the current one. */
public record LocalLead(String name, String email, String jobTitle, Instant nominatedFrom, Instant nominatedUntil) {

    boolean sameContact(LeadDetails details) {
        return name.equals(details.name()) && email.equalsIgnoreCase(details.email())
                && jobTitle.equals(details.jobTitle());
    }
}
