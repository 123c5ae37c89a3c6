package org.qipflow.dissemination;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How far each organisation's report travelled inside it, in counts only: no team's or person's name. */
@Service
public class ReportReach {

    private final ReportShareRepository shares;

    ReportReach(ReportShareRepository shares) {
        this.shares = shares;
    }

    /** @param teams how many teams were sent the report; {@code acknowledged} how many said they discussed it */
    public record Reach(int teams, int acknowledged) {

        public static final Reach NONE = new Reach(0, 0);
    }

    /** By organisation code; organisations that sent their report to no team are absent. */
    @Transactional(readOnly = true)
    public Map<String, Reach> of(long cycleId) {
        return shares.reach(cycleId);
    }
}
