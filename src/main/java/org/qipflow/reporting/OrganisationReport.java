package org.qipflow.reporting;

import java.util.Comparator;
import java.util.List;

/**
 * What one organisation may see of a cycle's results: its own figures exactly, every other
 * organisation only by its anonymous code, and anything not its own with small numbers suppressed.
 */
public record OrganisationReport(String alias, List<StandardRow> standards) {

    /** How many standards the executive summary names as the biggest gaps. */
    static final int GAPS_NAMED = 3;

    /** One standard: own figures, national figures, each organisation side by side, own teams. */
    public record StandardRow(String id, String text, String source, Integer target, Exact own, Shown national,
            List<Peer> peers, List<Team> teams, List<Trend> trend) {

        /** The organisations side by side, as a chart. */
        public BarChart chart() {
            return BarChart.of(this);
        }

        /** Each organisation's share against its number of records, with the limits of chance variation. */
        public FunnelPlot funnel() {
            return FunnelPlot.of(this);
        }

        /**
         * Whether the organisation's share reaches the target (100% when the standard sets none); true
         * when the standard applied to none of its records, since nothing fell short.
         */
        public boolean metTarget() {
            return own.share() == null || own.share() >= (target == null ? 100 : target);
        }

        /** Whether the organisation fell short of the target on records the standard applied to. */
        public boolean shortOfTarget() {
            return own.denominator() > 0 && !metTarget();
        }

        /** The organisations whose share may be shown, in the side-by-side order. */
        List<Peer> shownPeers() {
            return peers.stream().filter(p -> p.share() != null).toList();
        }

        /** Other organisations left out of charts because their figures are hidden. */
        long hiddenOthers() {
            return peers.stream().filter(p -> p.share() == null && !p.own()).count();
        }

        /** Own share minus the national share, in percentage points; null when either cannot be shown. */
        public Long pointsFromNational() {
            Double nationalShare = national.share();
            return own.share() == null || nationalShare == null ? null : Math.round(own.share() - nationalShare);
        }
    }

    /**
     * The standards where the organisation is furthest below the nation, worst first; at most
     * {@value #GAPS_NAMED}, and none where it is level or ahead.
     */
    public List<StandardRow> biggestGaps() {
        return standards.stream().filter(s -> s.pointsFromNational() != null && s.pointsFromNational() < 0)
                .sorted(Comparator.comparingLong(StandardRow::pointsFromNational)).limit(GAPS_NAMED).toList();
    }

    public long standardsMet() {
        return standards.stream().filter(s -> s.own().denominator() > 0 && s.metTarget()).count();
    }

    /** Whether any standard has results from earlier cycles of the programme. */
    public boolean hasTrend() {
        return standards.stream().anyMatch(s -> !s.trend().isEmpty());
    }

    public boolean hasTeams() {
        return standards.stream().anyMatch(s -> !s.teams().isEmpty());
    }

    /** The same standard in an earlier cycle of the programme: re-audits use the same standards. */
    public record Trend(String cycle, String own, String national) {
    }

    /** Own figures, exact. */
    public record Exact(int numerator, int denominator, String percent) {

        /** Exact share in percent, null when the standard applied to no record. */
        public Double share() {
            return denominator == 0 ? null : 100.0 * numerator / denominator;
        }
    }

    /** Someone else's figures, as they may be shown. */
    public record Shown(String numerator, String denominator, String percent) {

        /** The share as shown (from rounded counts), null when hidden. */
        public Double share() {
            return shareOf(percent);
        }
    }

    /**
     * Another organisation, or this one, in the side-by-side list; sorted by share, best first.
     *
     * @param share the share as it may be shown, null when hidden
     * @param records the records the standard applied to: exact for the own organisation, rounded
     *     to 5 for others, 0 when hidden
     */
    public record Peer(String alias, boolean own, String percent, Double share, int records) {

        double sortKey() {
            return share == null ? -1 : share;
        }
    }

    public record Team(String team, int numerator, int denominator, String percent) {
    }

    /** "67%" → 67.0; anything else ("*", "–") → null. */
    static Double shareOf(String percent) {
        return percent.endsWith("%") ? Double.valueOf(percent.substring(0, percent.length() - 1)) : null;
    }
}
