package org.qipflow.reporting;

import java.util.List;

/**
 * What one organisation may see of a cycle's results: its own figures exactly, every other
 * organisation only by its anonymous code, and anything not its own with small numbers suppressed.
 */
public record OrganisationReport(String alias, List<StandardRow> standards) {

    /** One standard: own figures, national figures, each organisation side by side, own teams. */
    public record StandardRow(String id, String text, String source, Integer target, Exact own, Shown national,
            List<Peer> peers, List<Team> teams, List<Trend> trend) {

        /** The organisations side by side, as a chart. */
        public BarChart chart() {
            return BarChart.of(this);
        }
    }

    /** The same standard in an earlier cycle of the programme: re-audits use the same standards. */
    public record Trend(String cycle, String own, String national) {
    }

    /** Own figures, exact. */
    public record Exact(int numerator, int denominator, String percent) {
    }

    /** Someone else's figures, as they may be shown. */
    public record Shown(String numerator, String denominator, String percent) {
    }

    /** Another organisation, or this one, in the side-by-side list; sorted by share, best first. */
    public record Peer(String alias, boolean own, String percent, double sortKey) {
    }

    public record Team(String team, int numerator, int denominator, String percent) {
    }
}
