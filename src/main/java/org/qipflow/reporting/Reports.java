package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qipflow.common.UkTime;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.Standard;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds what an organisation sees of a cycle from the stored analysis. */
@Service
public class Reports {

    static final String OWN_NAME = "Your organisation";

    /**
     * Best share as written first; ties, and the hidden ones at the end, by code. Codes are random,
     * so this order says nothing about who is who, and sorting by the written share rather than the
     * exact one keeps the order from telling apart shares that read the same.
     */
    private static final Comparator<OrganisationReport.Peer> SIDE_BY_SIDE =
            Comparator.comparingDouble(OrganisationReport.Peer::sortKey).reversed()
                    .thenComparing(p -> p.own() ? "" : p.alias());

    private final CycleAnalysis analysis;
    private final RecordService records;
    private final CycleService cycles;
    private final OrganisationService organisations;

    Reports(CycleAnalysis analysis, RecordService records, CycleService cycles, OrganisationService organisations) {
        this.analysis = analysis;
        this.records = records;
        this.cycles = cycles;
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    public OrganisationReport forOrganisation(long cycleId, String organisationCode) {
        Cycle cycle = cycles.get(cycleId);
        AuditDefinition definition = records.definitionOf(cycleId);
        Map<String, String> aliases = analysis.aliases(cycleId);
        Round current = Round.of(cycle, analysis.figures(cycleId), analysis.outcomes(cycleId), organisationCode);
        return new OrganisationReport(aliases.get(organisationCode), cover(cycle, organisationCode),
                rows(definition.standards(), aliases, organisationCode, current, earlierPublished(cycle, organisationCode)));
    }

    /** One round's figures, and the standards whose national figure the reader may not see in it. */
    record Round(int number, String label, List<ResultFigure> figures, Set<String> withheld) {

        static Round of(Cycle cycle, List<ResultFigure> figures, Map<String, Map<String, Integer>> outcomes,
                String reader) {
            return new Round(cycle.number(), cycle.roundLabel(), figures,
                    SecondarySuppression.withheld(figures, outcomes, reader));
        }
    }

    /** Every standard as the reader sees it: the whole of what any format of its report shows of the figures. */
    static List<StandardRow> rows(List<Standard> standards, Map<String, String> aliases,
            String reader, Round current, List<Round> earlier) {
        List<StandardRow> rows = new ArrayList<>();
        for (Standard standard : standards) {
            List<ResultFigure> ofStandard = current.figures().stream()
                    .filter(f -> f.standardId().equals(standard.id())).toList();
            OrganisationReport.Exact national = current.withheld().contains(standard.id()) ? null : national(ofStandard);
            OrganisationReport.Exact own = own(ofStandard, reader);
            List<OrganisationReport.Trend> trend = trend(earlier, standard.id(), reader);
            trend.add(new OrganisationReport.Trend(current.number(), current.label(), true, own, national));
            rows.add(new StandardRow(standard.id(), standard.text(), standard.source(),
                    standard.target(), own, national, peers(ofStandard, reader, aliases, national),
                    teams(ofStandard, reader), trend));
        }
        return rows;
    }

    private OrganisationReport.Cover cover(Cycle cycle, String organisationCode) {
        Map<String, CycleAnalysis.Coverage> coverage = analysis.coverage(cycle.id());
        CycleAnalysis.Coverage own = coverage.getOrDefault(organisationCode,
                new CycleAnalysis.Coverage(organisationCode, 0, 0));
        return new OrganisationReport.Cover(cycle.programmeCode(), cycle.programmeTitle(), cycle.roundLabel(),
                organisations.get(organisationCode).name(),
                cycle.publishedAt() == null ? null : cycle.publishedAt().atZone(UkTime.ZONE).toLocalDate(),
                own.records(), own.teams(), coverage.size());
    }

    /** Earlier cycles of the programme whose results were published, oldest first, with their figures. */
    private List<Round> earlierPublished(Cycle cycle, String organisationCode) {
        return cycles.earlierPublished(cycle).stream()
                .map(c -> Round.of(c, analysis.figures(c.id()), analysis.outcomes(c.id()), organisationCode))
                .toList();
    }

    /**
     * Every organisation side by side: this one exact, the others by code with small numbers
     * protected; each placed against the funnel limits by its exact counts, where the national figure
     * is shown.
     */
    private static List<OrganisationReport.Peer> peers(List<ResultFigure> ofStandard, String organisationCode,
            Map<String, String> aliases, OrganisationReport.Exact national) {
        return ofStandard.stream().filter(f -> f.scope() == Scope.ORGANISATION)
                .map(f -> {
                    OrganisationReport.Exact exact = new OrganisationReport.Exact(f.numerator(), f.denominator());
                    return f.organisationCode().equals(organisationCode)
                            ? new OrganisationReport.Peer(OWN_NAME, true, exact.percent(), exact.share(),
                                    String.valueOf(f.denominator()), f.denominator(), position(exact, national))
                            : other(aliases.get(f.organisationCode()), exact, national);
                })
                .sorted(SIDE_BY_SIDE).toList();
    }

    /**
     * Another organisation as shown: its share only where no small count can be read from it, to whole
     * percent, and its place against the funnel limits when the national figure is shown (null otherwise).
     */
    static OrganisationReport.Peer other(String alias, OrganisationReport.Exact exact,
            OrganisationReport.Exact national) {
        boolean shown = SmallNumbers.shareShown(exact.numerator(), exact.denominator());
        FunnelPlot.Position position = position(exact, national);
        return new OrganisationReport.Peer(alias, false, SmallNumbers.percent(exact.numerator(), exact.denominator()),
                shown ? (double) SmallNumbers.wholePercent(exact.numerator(), exact.denominator()) : null,
                SmallNumbers.count(exact.denominator()), shown ? SmallNumbers.rounded(exact.denominator()) : 0,
                shown ? position : null);
    }

    private static FunnelPlot.Position position(OrganisationReport.Exact exact, OrganisationReport.Exact national) {
        return national == null ? null : FunnelPlot.position(exact, national);
    }

    private static List<OrganisationReport.Team> teams(List<ResultFigure> ofStandard, String organisationCode) {
        return ofStandard.stream().filter(f -> isOf(f, Scope.TEAM, organisationCode))
                .map(f -> new OrganisationReport.Team(f.teamCode(),
                        new OrganisationReport.Exact(f.numerator(), f.denominator())))
                .toList();
    }

    /**
     * Earlier rounds with results for this standard, oldest first: own exact, and national exact where
     * that round's figures let this organisation be shown it.
     */
    private static List<OrganisationReport.Trend> trend(List<Round> earlier, String standardId,
            String organisationCode) {
        List<OrganisationReport.Trend> trend = new ArrayList<>();
        earlier.forEach(round -> {
            List<ResultFigure> ofStandard = round.figures().stream().filter(f -> f.standardId().equals(standardId)).toList();
            if (ofStandard.stream().anyMatch(f -> f.scope() == Scope.NATIONAL)) {
                boolean tookPart = ofStandard.stream().anyMatch(f -> isOf(f, Scope.ORGANISATION, organisationCode));
                boolean withheld = round.withheld().contains(standardId);
                trend.add(new OrganisationReport.Trend(round.number(), round.label(), false,
                        tookPart ? own(ofStandard, organisationCode) : null, withheld ? null : national(ofStandard)));
            }
        });
        return trend;
    }

    private static OrganisationReport.Exact national(List<ResultFigure> ofStandard) {
        return ofStandard.stream().filter(f -> f.scope() == Scope.NATIONAL).findFirst()
                .map(f -> new OrganisationReport.Exact(f.numerator(), f.denominator()))
                .orElse(new OrganisationReport.Exact(0, 0));
    }

    private static OrganisationReport.Exact own(List<ResultFigure> ofStandard, String organisationCode) {
        return ofStandard.stream().filter(f -> isOf(f, Scope.ORGANISATION, organisationCode)).findFirst()
                .map(f -> new OrganisationReport.Exact(f.numerator(), f.denominator()))
                .orElse(new OrganisationReport.Exact(0, 0));
    }

    private static boolean isOf(ResultFigure f, Scope scope, String organisationCode) {
        return f.scope() == scope && f.organisationCode().equals(organisationCode);
    }
}
