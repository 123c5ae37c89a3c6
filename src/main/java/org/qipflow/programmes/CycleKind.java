package org.qipflow.programmes;

/** Baseline audit, re-audit on the same standards, or supplementary audit extending the time series. */
public enum CycleKind {
    BASELINE("Baseline audit"),
    REAUDIT("Re-audit"),
    SUPPLEMENTARY("Supplementary audit");

    private final String label;

    CycleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
