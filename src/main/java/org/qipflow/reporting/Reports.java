package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<ResultFigure> figures = analysis.figures(cycleId);
        Map<String, String> aliases = analysis.aliases(cycleId);
        Map<Cycle, List<ResultFigure>> earlier = earlierPublished(cycle);
        List<OrganisationReport.StandardRow> rows = new ArrayList<>();
        for (Standard standard : definition.standards()) {
            List<ResultFigure> ofStandard = figures.stream().filter(f -> f.standardId().equals(standard.id())).toList();
            OrganisationReport.Exact national = national(ofStandard);
            OrganisationReport.Exact own = own(ofStandard, organisationCode);
            List<OrganisationReport.Trend> trend = trend(earlier, standard.id(), organisationCode);
            trend.add(new OrganisationReport.Trend(cycle.number(), cycle.roundLabel(), true, own, national));
            rows.add(new OrganisationReport.StandardRow(standard.id(), standard.text(), standard.source(),
                    standard.target(), own, national, peers(ofStandard, organisationCode, aliases, national),
                    teams(ofStandard, organisationCode), trend));
        }
        return new OrganisationReport(aliases.get(organisationCode), cover(cycle, organisationCode), rows);
    }

    private OrganisationReport.Cover cover(Cycle cycle, String organisationCode) {
        Map<String, CycleAnalysis.Coverage> coverage = analysis.coverage(cycle.id());
        CycleAnalysis.Coverage own = coverage.getOrDefault(organisationCode,
                new CycleAnalysis.Coverage(organisationCode, 0, 0));
        return new OrganisationReport.Cover(cycle.programmeCode(), cycle.programmeTitle(), cycle.roundLabel(),
                organisations.get(organisationCode).name(),
                cycle.publishedAt() == null ? null : cycle.publishedAt().atZone(UkTime.ZONE).toLocalDate(),
                own.records(), own.teams(), coverage.values().stream().mapToInt(CycleAnalysis.Coverage::records).sum(),
                coverage.size());
    }

    /** Earlier cycles of the programme whose results were published, oldest first, with their figures. */
    private Map<Cycle, List<ResultFigure>> earlierPublished(Cycle cycle) {
        Map<Cycle, List<ResultFigure>> earlier = new LinkedHashMap<>();
        cycles.cyclesOf(cycle.programmeCode()).stream()
                .filter(c -> c.number() < cycle.number() && c.publishedAt() != null)
                .sorted(Comparator.comparingInt(Cycle::number))
                .forEach(c -> earlier.put(c, analysis.figures(c.id())));
        return earlier;
    }

    /**
     * Every organisation side by side: this one exact, the others by code with small numbers
     * protected; each placed against the funnel limits by its exact counts.
     */
    private static List<OrganisationReport.Peer> peers(List<ResultFigure> ofStandard, String organisationCode,
            Map<String, String> aliases, OrganisationReport.Exact national) {
        return ofStandard.stream().filter(f -> f.scope() == Scope.ORGANISATION)
                .map(f -> {
                    OrganisationReport.Exact exact = new OrganisationReport.Exact(f.numerator(), f.denominator());
                    FunnelPlot.Position position = FunnelPlot.position(exact, national);
                    return f.organisationCode().equals(organisationCode)
                            ? new OrganisationReport.Peer(OWN_NAME, true, exact.percent(), exact.share(),
                                    String.valueOf(f.denominator()), f.denominator(), position)
                            : other(aliases.get(f.organisationCode()), exact, position);
                })
                .sorted(SIDE_BY_SIDE).toList();
    }

    /** Another organisation: its share only where no small count can be read from it, to whole percent. */
    private static OrganisationReport.Peer other(String alias, OrganisationReport.Exact exact,
            FunnelPlot.Position position) {
        boolean shown = SmallNumbers.shareShown(exact.numerator(), exact.denominator());
        return new OrganisationReport.Peer(alias, false, SmallNumbers.percent(exact.numerator(), exact.denominator()),
                shown ? (double) SmallNumbers.wholePercent(exact.numerator(), exact.denominator()) : null,
                SmallNumbers.count(exact.denominator()), shown ? SmallNumbers.rounded(exact.denominator()) : 0,
                shown ? position : null);
    }

    private static List<OrganisationReport.Team> teams(List<ResultFigure> ofStandard, String organisationCode) {
        return ofStandard.stream().filter(f -> isOf(f, Scope.TEAM, organisationCode))
                .map(f -> new OrganisationReport.Team(f.teamCode(),
                        new OrganisationReport.Exact(f.numerator(), f.denominator())))
                .toList();
    }

    /** Earlier rounds with results for this standard, oldest first: own and national exact. */
    private static List<OrganisationReport.Trend> trend(Map<Cycle, List<ResultFigure>> earlier, String standardId,
            String organisationCode) {
        List<OrganisationReport.Trend> trend = new ArrayList<>();
        earlier.forEach((cycle, figures) -> {
            List<ResultFigure> ofStandard = figures.stream().filter(f -> f.standardId().equals(standardId)).toList();
            if (ofStandard.stream().anyMatch(f -> f.scope() == Scope.NATIONAL)) {
                boolean tookPart = ofStandard.stream().anyMatch(f -> isOf(f, Scope.ORGANISATION, organisationCode));
                trend.add(new OrganisationReport.Trend(cycle.number(), cycle.roundLabel(), false,
                        tookPart ? own(ofStandard, organisationCode) : null, national(ofStandard)));
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
