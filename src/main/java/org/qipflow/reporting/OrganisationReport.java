package org.qipflow.reporting;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * What one organisation may see of a cycle's results: its own and the national figures exactly,
 * every other organisation only by its anonymous code with small numbers protected (see
 * {@link SmallNumbers}). Every comparison (differences, gaps, targets, funnel positions, trends) is
 * worked out from exact counts, never from what is shown rounded. A national figure that would let
 * this organisation work out another's hidden count is withheld, with everything worked out from it
 * (see {@link SecondarySuppression}).
 */
public record OrganisationReport(String alias, Cover cover, List<StandardRow> standards) {

    /** How many standards the executive summary names as the biggest gaps. */
    static final int GAPS_NAMED = 3;

    /** What a withheld national figure, and every comparison with it, reads as. */
    public static final String WITHHELD = "not shown";
    public static final String WITHHELD_REASON = "Where a national figure is \"not shown\", too few other "
            + "organisations took part, or their counts are too small, for it to be shown without giving away a "
            + "figure hidden from you; so is every comparison with it.";

    /**
     * What the report rests on, for its cover. The records of all organisations together are not
     * given: with the organisation's own, they would total everyone else's.
     *
     * @param publishedOn null while the report is a preview before publication
     */
    public record Cover(String programmeCode, String programmeTitle, String round, String organisationName,
            LocalDate publishedOn, int records, int teams, int organisations) {
    }

    /**
     * The standards where the organisation is furthest below the nation, worst first; at most
     * {@value #GAPS_NAMED}, and none where it is level (less than half a point behind) or ahead.
     */
    public List<StandardRow> biggestGaps() {
        return standards.stream().filter(s -> s.pointsFromNational() != null && s.pointsFromNational() < 0)
                .sorted(Comparator.comparingLong(StandardRow::pointsFromNational)).limit(GAPS_NAMED).toList();
    }

    /** How many standards have a national figure this organisation may be compared with. */
    public long comparable() {
        return standards.stream().filter(StandardRow::nationalShown).count();
    }

    public long standardsMet() {
        return standards.stream().filter(s -> s.own().denominator() > 0 && s.metTarget()).count();
    }

    /** Standards the organisation fell short of: the rows of its action plan. */
    public List<StandardRow> shortfalls() {
        return standards.stream().filter(StandardRow::shortOfTarget).toList();
    }

    /** Whether a national figure of this round or an earlier one is withheld from this organisation. */
    public boolean nationalWithheld() {
        return standards.stream().anyMatch(s -> !s.nationalShown()
                || s.trend().stream().anyMatch(t -> t.national() == null));
    }

    /** Whether any standard has results from earlier rounds of the programme. */
    public boolean hasTrend() {
        return standards.stream().anyMatch(StandardRow::hasTrend);
    }

    public boolean hasTeams() {
        return standards.stream().anyMatch(s -> !s.teams().isEmpty());
    }

    /**
     * One round of the programme for this standard, oldest first; the last is the round reported on.
     *
     * @param own null when the organisation did not take part in that round
     * @param national null where withheld from this organisation in that round
     */
    public record Trend(int number, String round, boolean current, Exact own, Exact national) {

        public String ownPercent() {
            return own == null ? "did not take part" : own.percent();
        }

        public String nationalPercent() {
            return national == null ? WITHHELD : national.percent();
        }

        public Double nationalShare() {
            return national == null ? null : national.share();
        }

        /** Own share against the nation in this round, in points. */
        public String difference() {
            return own == null ? "–" : national == null ? WITHHELD : Exact.pointsText(Exact.points(own, national));
        }
    }

    /** Exact counts: the organisation's own, or national (no disclosure control applies to either). */
    public record Exact(int numerator, int denominator) {

        public String percent() {
            return SmallNumbers.exactPercent(numerator, denominator);
        }

        /** Exact share in percent, null when the standard applied to no record. */
        public Double share() {
            return denominator == 0 ? null : 100.0 * numerator / denominator;
        }

        /** "2 of 3" */
        public String records() {
            return numerator + " of " + denominator;
        }

        /** a − b in whole points, null when either is withheld or applies to no record. */
        static Long points(Exact a, Exact b) {
            return a == null || b == null || a.denominator == 0 || b.denominator == 0 ? null
                    : SmallNumbers.points(a.numerator, a.denominator, b.numerator, b.denominator);
        }

        static String pointsText(Long points) {
            if (points == null) {
                return "–";
            }
            if (points == 0) {
                return "level";
            }
            return (points > 0 ? "+" : "-") + Math.abs(points) + (Math.abs(points) == 1 ? " point" : " points");
        }
    }

    /**
     * An organisation in the side-by-side list, sorted by share, best first, hidden ones last.
     *
     * @param percent  the share as written: exact for the own organisation, protected for others
     * @param share    where to draw it: the exact share for the own organisation, the written whole
     *                 percent for others, null when hidden
     * @param records  the records the standard applies to as written: exact for the own organisation,
     *                 rounded to 5 for others, "*" when from 1 to 7
     * @param plotRecords where to draw it on a funnel plot's records axis; 0 when hidden
     * @param position against the funnel plot's limits, from exact counts; null when hidden or when the
     *                 plot has no limits
     */
    public record Peer(String alias, boolean own, String percent, Double share, String records, int plotRecords,
            FunnelPlot.Position position) {

        double sortKey() {
            return share == null ? -1 : share;
        }
    }

    public record Team(String team, Exact figures) {
    }
}
