package org.qipflow.lifecycle;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.Programme;

/** Where a programme is in its life, worked out from its rounds and dates. */
public enum ProgrammeStage {
    DRAFT("Draft: its baseline is still to be scheduled"),
    BASELINE("Baseline audit"),
    INTERVENTION_PERIOD("Intervention period"),
    NEXT_ROUND_DUE("Next round due"),
    REAUDIT("Re-audit"),
    SUPPLEMENTARY("Supplementary audit"),
    CLOSED("Closed");

    private final String label;

    ProgrammeStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Closed once closed; otherwise the kind of the earliest round still running; with every round
     * published, the intervention period until the process asks the coordinator for the next round
     * (asked of the engine only then).
     */
    static ProgrammeStage of(Programme programme, List<Cycle> rounds, BooleanSupplier nextRoundAsked) {
        if (programme.closedAt() != null) {
            return CLOSED;
        }
        if (rounds.isEmpty()) {
            return DRAFT;
        }
        return rounds.stream().filter(c -> c.publishedAt() == null).findFirst()
                .map(running -> running.kind() == CycleKind.BASELINE ? BASELINE
                        : running.kind() == CycleKind.REAUDIT ? REAUDIT : SUPPLEMENTARY)
                .orElseGet(() -> nextRoundAsked.getAsBoolean() ? NEXT_ROUND_DUE : INTERVENTION_PERIOD);
    }
}
