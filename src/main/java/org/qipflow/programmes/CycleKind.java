package org.qipflow.programmes;

import org.qipflow.common.Choice;

/** Baseline audit, re-audit on the same standards, or supplementary audit extending the time series. */
public enum CycleKind implements Choice {
    BASELINE("Baseline audit"),
    REAUDIT("Re-audit"),
    SUPPLEMENTARY("Supplementary audit");

    private final String label;

    CycleKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
