package org.qipflow.reporting;

import java.util.List;

import org.qipflow.reporting.OrganisationReport.Exact;
import org.qipflow.reporting.OrganisationReport.Peer;
import org.qipflow.reporting.OrganisationReport.Team;
import org.qipflow.reporting.OrganisationReport.Trend;

/**
 * One standard of an organisation's report: own figures, national figures, each organisation side by
 * side, own teams, rounds.
 *
 * @param national null where withheld from this organisation
 */
public record StandardRow(String id, String text, String source, Integer target, Exact own, Exact national,
        List<Peer> peers, List<Team> teams, List<Trend> trend) {

    public boolean nationalShown() {
        return national != null;
    }

    /** The national share as written, or {@value OrganisationReport#WITHHELD}. */
    public String nationalPercent() {
        return national == null ? OrganisationReport.WITHHELD : national.percent();
    }

    /** The national records, "30 of 40", or {@value OrganisationReport#WITHHELD}. */
    public String nationalRecords() {
        return national == null ? OrganisationReport.WITHHELD : national.records();
    }

    /** The exact national share in percent, null where withheld or where it applied to no record. */
    public Double nationalShare() {
        return national == null ? null : national.share();
    }

    /** The organisations side by side, as a chart. */
    public BarChart chart() {
        return BarChart.of(this);
    }

    /** Each organisation's share against its number of records, with the limits of chance variation. */
    public FunnelPlot funnel() {
        return FunnelPlot.of(this);
    }

    /** The standard over the programme's rounds, own and national. */
    public TrendChart trendChart() {
        return TrendChart.of(this);
    }

    /** The target in percent: the standard's own, or 100% when it sets none. */
    public int targetPercent() {
        return target == null ? 100 : target;
    }

    /**
     * Whether the organisation's share reaches the target, compared in whole records (2 of 3 does not
     * reach 67%); true when the standard applied to none of its records, since nothing fell short.
     */
    public boolean metTarget() {
        return own.denominator() == 0 || 100L * own.numerator() >= (long) targetPercent() * own.denominator();
    }

    /** Whether the organisation fell short of the target on records the standard applied to. */
    public boolean shortOfTarget() {
        return own.denominator() > 0 && !metTarget();
    }

    /** The organisations whose share may be shown, in the side-by-side order. */
    public List<Peer> shownPeers() {
        return peers.stream().filter(p -> p.share() != null).toList();
    }

    /** Other organisations left out of charts because their figures are hidden. */
    public long hiddenOthers() {
        return peers.stream().filter(p -> p.share() == null && !p.own()).count();
    }

    /** Own share minus the national share in whole percentage points, from exact counts; null if either has no records or the national is withheld. */
    public Long pointsFromNational() {
        return Exact.points(own, national);
    }

    /** The difference in words for tables: "+3 points", "-2 points", "level"; a plain hyphen for minus, which every font has. */
    public String difference() {
        return national == null ? OrganisationReport.WITHHELD : Exact.pointsText(pointsFromNational());
    }

    /** Whether earlier rounds of the programme have results for this standard. */
    public boolean hasTrend() {
        return trend.size() > 1;
    }

    /** The organisation's change in this round from the round before it, in whole points: "+38 points", or "–". */
    public String ownFromPrevious(Trend round) {
        return change(round, previous(round), true);
    }

    /** The organisation's change in this round from the baseline (round 1); "–" where it took no part in either. */
    public String ownFromBaseline(Trend round) {
        return change(round, baseline(round), true);
    }

    /** The national change from the round before; {@value OrganisationReport#WITHHELD} where either is withheld. */
    public String nationalFromPrevious(Trend round) {
        return change(round, previous(round), false);
    }

    /** The national change from the baseline; {@value OrganisationReport#WITHHELD} where either is withheld. */
    public String nationalFromBaseline(Trend round) {
        return change(round, baseline(round), false);
    }

    private Trend previous(Trend round) {
        int i = trend.indexOf(round);
        return i > 0 ? trend.get(i - 1) : null;
    }

    private Trend baseline(Trend round) {
        Trend first = trend.get(0);
        return first.number() == 1 && !first.equals(round) ? first : null;
    }

    /** Worked out from exact counts, like every comparison in the report. */
    private static String change(Trend round, Trend earlier, boolean own) {
        if (earlier == null) {
            return "–";
        }
        if (own) {
            return Exact.pointsText(Exact.points(round.own(), earlier.own()));
        }
        return round.national() == null || earlier.national() == null ? OrganisationReport.WITHHELD
                : Exact.pointsText(Exact.points(round.national(), earlier.national()));
    }
}
