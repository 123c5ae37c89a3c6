package org.qipflow.membership;

/** The add/edit form's fields as posted; {@code version} guards against overwriting someone else's edit. */
record OrganisationForm(String code, String name, String nation, String type, String leadName, String leadEmail,
        String leadJobTitle, String membershipEnds, Integer version) {

    static OrganisationForm empty() {
        return new OrganisationForm("", "", "", "", "", "", "", "", null);
    }

    static OrganisationForm of(Organisation o) {
        LocalLead lead = o.localLead();
        return new OrganisationForm(o.code(), o.name(), o.nation().name(), o.type().name(),
                lead == null ? "" : lead.name(), lead == null ? "" : lead.email(),
                lead == null ? "" : lead.jobTitle(), o.membershipEnds().toString(), o.version());
    }

    OrganisationInput toInput() {
        return new OrganisationInput(code, name, nation, type, leadName, leadEmail, leadJobTitle, membershipEnds);
    }
}
