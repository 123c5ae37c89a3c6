package org.qipflow.reporting;

import java.util.List;

/**
 * What organisations did after the programme's previous round, next to how their figures changed since:
 * the reader's own plan and figures exactly, every other organisation by this round's code with each
 * round's share as that round's reports showed it (small numbers hidden), so nothing here shows more of
 * another organisation than its two reports did.
 *
 * @param previousRound the round the plans were made after, e.g. "Baseline audit (round 1)"
 * @param standardIds   the standards, in the order of each other organisation's shares
 * @param own           null when the reader did not take part in the previous round
 */
public record AfterLastRound(String previousRound, List<String> standardIds, Own own, List<Other> others) {

    /** @param plan null when the reader submitted no plan after the previous round */
    public record Own(RoundPlans.Submitted plan, List<Change> changes) {
    }

    /**
     * One standard for the reader: its share in each round exactly, the change in whole points (from the
     * exact counts), and the actions it planned for it.
     */
    public record Change(String standardId, String text, String before, String now, String change,
            List<RoundPlans.Action> actions) {
    }

    /**
     * Another organisation that took part in both rounds.
     *
     * @param plan   null when it submitted no plan
     * @param shares for each standard, "40% → 55%" as the two rounds' reports showed it ("*" where hidden)
     */
    public record Other(String alias, RoundPlans.Submitted plan, List<String> shares) {
    }
}
