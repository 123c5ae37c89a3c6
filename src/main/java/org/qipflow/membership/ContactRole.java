package org.qipflow.membership;

import org.qipflow.common.Choice;

/** Whom, besides the local lead, an organisation's outlier notifications and letters go to. */
public enum ContactRole implements Choice {
    CLINICAL("Clinical contact"),
    CHIEF_EXECUTIVE("Chief executive"),
    MEDICAL_DIRECTOR("Medical director");

    private final String label;

    ContactRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
