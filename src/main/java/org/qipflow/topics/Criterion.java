package org.qipflow.topics;

/** The eight criteria a topic is adopted against, in the order the observatory publishes them. */
public enum Criterion {
    NICE_GUIDANCE("Relevant to NICE guideline(s)"),
    COST_VOLUME_RISK("High cost, volume or risk"),
    CLINICIAN_PRIORITY("A clinical priority for clinicians"),
    SERVICE_USER_PRIORITY("A priority for service users"),
    IMPROVES_CARE("Meeting the standard is likely to improve care and outcomes"),
    VARIATION("Likely variation across organisations"),
    CLEAR_STANDARDS("Clear prescribing standards can be written"),
    PRACTICAL_DATA("Data collection is practical");

    private final String label;

    Criterion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The form field of the criterion's score and note: "score.NICE_GUIDANCE", "note.NICE_GUIDANCE". */
    public String scoreField() {
        return "score." + name();
    }

    public String noteField() {
        return "note." + name();
    }
}
