package org.qipflow.outliers;

import org.qipflow.membership.ContactRole;

/** Who hears from a review in the organisation: its local lead, and its contacts by role. */
enum OutlierRecipient {
    LOCAL_LEAD("local lead", null),
    CLINICAL_CONTACT("clinical contact", ContactRole.CLINICAL),
    CHIEF_EXECUTIVE("chief executive", ContactRole.CHIEF_EXECUTIVE),
    MEDICAL_DIRECTOR("medical director", ContactRole.MEDICAL_DIRECTOR);

    private final String label;
    private final ContactRole role;

    OutlierRecipient(String label, ContactRole role) {
        this.label = label;
        this.role = role;
    }

    public String label() {
        return label;
    }

    /** The organisation contact it is; null for the local lead, who is kept with the organisation. */
    ContactRole role() {
        return role;
    }

    /** A person to write to, and in which capacity. */
    record Person(OutlierRecipient as, String name, String email) {

        /** How the timeline names them: "Dr Ann Lee (chief executive)". */
        public String described() {
            return name + " (" + as.label() + ")";
        }
    }
}
