package org.qipflow.membership;

import java.time.Instant;

/** A person in one of an organisation's contact roles; {@code until} is null for the current one. */
public record OrganisationContact(ContactRole role, String name, String email, Instant from, Instant until) {
}
