package org.qipflow.reporting;

import java.util.List;
import java.util.Map;

/**
 * What organisations set out to do after a round: their submitted action plans, for the next round's
 * reports. Provided by the action plans, which depend on reporting rather than the other way round.
 */
public interface RoundPlans {

    /** Each organisation's submitted plan for the round, by organisation code; none for plans not submitted. */
    Map<String, Submitted> of(long cycleId);

    /**
     * @param interventions the titles of the change interventions it chose
     * @param actions       its actions as they stand now, dropped ones left out
     */
    record Submitted(List<String> interventions, List<Action> actions) {

        /** "3 of 5 actions done" */
        public String done() {
            long done = actions.stream().filter(Action::done).count();
            return done + " of " + actions.size() + (actions.size() == 1 ? " action done" : " actions done");
        }
    }

    /** @param status where it stands in words: "Done", "Open", "Blocked" */
    record Action(String standardId, String description, String status, boolean done) {
    }
}
