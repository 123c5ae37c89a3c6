package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.Standard;
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
     * Best share first; ties, and the hidden ones at the end, by code. Codes are random, so this
     * order says nothing about who is who (the figures' own order follows organisation codes, which would).
     */
    private static final Comparator<OrganisationReport.Peer> SIDE_BY_SIDE =
            Comparator.comparingDouble(OrganisationReport.Peer::sortKey).reversed()
                    .thenComparing(OrganisationReport.Peer::alias);

    private final CycleAnalysis analysis;
    private final RecordService records;
    private final CycleService cycles;

    Reports(CycleAnalysis analysis, RecordService records, CycleService cycles) {
        this.analysis = analysis;
        this.records = records;
        this.cycles = cycles;
    }

    @Transactional(readOnly = true)
    public OrganisationReport forOrganisation(long cycleId, String organisationCode) {
        AuditDefinition definition = records.definitionOf(cycleId);
        List<ResultFigure> figures = analysis.figures(cycleId);
        Map<String, String> aliases = analysis.aliases(cycleId);
        Map<Cycle, List<ResultFigure>> earlier = earlierPublished(cycles.get(cycleId));
        List<OrganisationReport.StandardRow> rows = new ArrayList<>();
        for (Standard standard : definition.standards()) {
            List<ResultFigure> ofStandard = figures.stream().filter(f -> f.standardId().equals(standard.id())).toList();
            ResultFigure national = ofStandard.stream().filter(f -> f.scope() == Scope.NATIONAL).findFirst()
                    .orElse(new ResultFigure(Scope.NATIONAL, null, null, standard.id(), 0, 0));
            ResultFigure own = ofStandard.stream().filter(f -> isOf(f, Scope.ORGANISATION, organisationCode))
                    .findFirst().orElse(new ResultFigure(Scope.ORGANISATION, organisationCode, null, standard.id(), 0, 0));
            rows.add(new OrganisationReport.StandardRow(standard.id(), standard.text(), standard.source(),
                    standard.target(), new OrganisationReport.Exact(own.numerator(), own.denominator(), exactPercent(own)),
                    new OrganisationReport.Shown(SmallNumbers.count(national.numerator()),
                            SmallNumbers.count(national.denominator()),
                            SmallNumbers.percent(national.numerator(), national.denominator())),
                    peers(ofStandard, organisationCode, aliases), teams(ofStandard, organisationCode),
                    trend(earlier, standard.id(), organisationCode)));
        }
        return new OrganisationReport(aliases.get(organisationCode), rows);
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

    /** Every organisation side by side: this one exact, the others by code with small numbers hidden. */
    private static List<OrganisationReport.Peer> peers(List<ResultFigure> ofStandard, String organisationCode,
            Map<String, String> aliases) {
        return ofStandard.stream().filter(f -> f.scope() == Scope.ORGANISATION)
                .map(f -> f.organisationCode().equals(organisationCode)
                        ? new OrganisationReport.Peer(OWN_NAME, true, exactPercent(f), f.percent(), f.denominator())
                        : peer(aliases.getOrDefault(f.organisationCode(), "Trust"), f))
                .sorted(SIDE_BY_SIDE).toList();
    }

    private static List<OrganisationReport.Team> teams(List<ResultFigure> ofStandard, String organisationCode) {
        return ofStandard.stream().filter(f -> isOf(f, Scope.TEAM, organisationCode))
                .map(f -> new OrganisationReport.Team(f.teamCode(), f.numerator(), f.denominator(), exactPercent(f)))
                .toList();
    }

    /** Earlier cycles with results for this standard, oldest first: own share exact, national suppressed. */
    private static List<OrganisationReport.Trend> trend(Map<Cycle, List<ResultFigure>> earlier, String standardId,
            String organisationCode) {
        List<OrganisationReport.Trend> trend = new ArrayList<>();
        earlier.forEach((cycle, figures) -> {
            List<ResultFigure> ofStandard = figures.stream().filter(f -> f.standardId().equals(standardId)).toList();
            ofStandard.stream().filter(f -> f.scope() == Scope.NATIONAL).findFirst().ifPresent(national -> {
                String own = ofStandard.stream().filter(f -> isOf(f, Scope.ORGANISATION, organisationCode))
                        .findFirst().map(Reports::exactPercent).orElse("did not take part");
                trend.add(new OrganisationReport.Trend(cycle.kind().label() + " (cycle " + cycle.number() + ")", own,
                        SmallNumbers.percent(national.numerator(), national.denominator())));
            });
        });
        return trend;
    }

    private static boolean isOf(ResultFigure f, Scope scope, String organisationCode) {
        return f.scope() == scope && f.organisationCode().equals(organisationCode);
    }

    private static String exactPercent(ResultFigure f) {
        return f.percent() == null ? "–" : Math.round(f.percent()) + "%";
    }

    /**
     * Another organisation sorts by the share it may be shown with; a suppressed one goes last, so
     * its position reveals nothing of its hidden figures.
     */
    private static OrganisationReport.Peer peer(String alias, ResultFigure f) {
        String shown = SmallNumbers.percent(f.numerator(), f.denominator());
        Double share = OrganisationReport.shareOf(shown);
        return new OrganisationReport.Peer(alias, false, shown, share,
                share == null ? 0 : SmallNumbers.rounded(f.denominator()));
    }
}
