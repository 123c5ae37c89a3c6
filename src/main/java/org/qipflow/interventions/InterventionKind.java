package org.qipflow.interventions;

import org.qipflow.common.Choice;

/** What a change intervention is. */
public enum InterventionKind implements Choice {
    SLIDE_SET("Slide set"),
    CLINICIAN_TOOL("Clinician support tool"),
    SIDE_EFFECT_MATERIALS("Side-effect discussion materials"),
    SERVICE_USER_LEAFLET("Service-user leaflet"),
    OTHER("Other material");

    private final String label;

    InterventionKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
