package org.qipflow.membership;

import java.time.Instant;

/** A nominated local lead; {@code nominatedUntil} is empty for the current one. */
public record LocalLead(String name, String email, String jobTitle, Instant nominatedFrom, Instant nominatedUntil) {

    boolean sameContact(LeadDetails details) {
        return samePerson(details) && name.equals(details.name()) && jobTitle.equals(details.jobTitle());
    }

    /** The email address is the person: links and sign-ins go to it. */
    boolean samePerson(LeadDetails details) {
        return email.equalsIgnoreCase(details.email());
    }
}
