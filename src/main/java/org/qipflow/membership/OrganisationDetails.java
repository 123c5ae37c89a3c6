package org.qipflow.membership;

import java.time.LocalDate;

/** An organisation's details after validation; {@code membershipEnds} may be null (see {@link OrganisationInput}). */
record OrganisationDetails(
        String code, String name, Nation nation, OrganisationType type, LeadDetails lead, LocalDate membershipEnds) {
}
