package org.qipflow.membership;

import java.time.Instant;
import java.time.LocalDate;

/** A member organisation as stored, with its current local lead. */
public record Organisation(
        long id,
        String code,
        String name,
        Nation nation,
        OrganisationType type,
        boolean active,
        LocalDate membershipEnds,
        LocalLead localLead,
        Instant createdAt,
        Instant updatedAt,
        Instant deactivatedAt,
        int version) {
}
