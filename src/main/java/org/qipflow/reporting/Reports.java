package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.Comparator;
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
        Cycle cycle = cycles.get(cycleId);
        List<Cycle> earlier = cycles.cyclesOf(cycle.programmeCode()).stream()
                .filter(c -> c.number() < cycle.number()).toList();
        Map<Long, List<ResultFigure>> earlierFigures = new java.util.HashMap<>();
        earlier.forEach(c -> earlierFigures.put(c.id(), analysis.figures(c.id())));
        List<OrganisationReport.StandardRow> rows = new ArrayList<>();
        for (Standard standard : definition.standards()) {
            List<ResultFigure> ofStandard = figures.stream().filter(f -> f.standardId().equals(standard.id())).toList();
            ResultFigure national = ofStandard.stream().filter(f -> f.scope() == Scope.NATIONAL).findFirst()
                    .orElse(new ResultFigure(Scope.NATIONAL, null, null, standard.id(), 0, 0));
            ResultFigure own = ofStandard.stream().filter(f -> f.scope() == Scope.ORGANISATION
                    && f.organisationCode().equals(organisationCode)).findFirst()
                    .orElse(new ResultFigure(Scope.ORGANISATION, organisationCode, null, standard.id(), 0, 0));
            List<OrganisationReport.Peer> peers = ofStandard.stream().filter(f -> f.scope() == Scope.ORGANISATION)
                    .map(f -> f.organisationCode().equals(organisationCode)
                            ? new OrganisationReport.Peer("Your organisation", true, exactPercent(f), f.percent(),
                                    f.denominator())
                            : peer(aliases.getOrDefault(f.organisationCode(), "Trust"), f))
                    .sorted(Comparator.comparingDouble(OrganisationReport.Peer::sortKey).reversed()).toList();
            List<OrganisationReport.Team> teams = ofStandard.stream().filter(f -> f.scope() == Scope.TEAM
                    && f.organisationCode().equals(organisationCode))
                    .map(f -> new OrganisationReport.Team(f.teamCode(), f.numerator(), f.denominator(), exactPercent(f)))
                    .toList();
            rows.add(new OrganisationReport.StandardRow(standard.id(), standard.text(), standard.source(),
                    standard.target(), new OrganisationReport.Exact(own.numerator(), own.denominator(), exactPercent(own)),
                    new OrganisationReport.Shown(SmallNumbers.count(national.numerator()),
                            SmallNumbers.count(national.denominator()),
                            SmallNumbers.percent(national.numerator(), national.denominator())),
                    peers, teams, trend(earlier, earlierFigures, standard.id(), organisationCode)));
        }
        return new OrganisationReport(aliases.get(organisationCode), rows);
    }

    /** Earlier cycles with results for this standard, oldest first: own share exact, national suppressed. */
    private static List<OrganisationReport.Trend> trend(List<Cycle> earlier, Map<Long, List<ResultFigure>> figures,
            String standardId, String organisationCode) {
        List<OrganisationReport.Trend> trend = new ArrayList<>();
        for (Cycle c : earlier) {
            List<ResultFigure> ofStandard = figures.get(c.id()).stream()
                    .filter(f -> f.standardId().equals(standardId)).toList();
            ofStandard.stream().filter(f -> f.scope() == Scope.NATIONAL).findFirst().ifPresent(national -> {
                String own = ofStandard.stream().filter(f -> f.scope() == Scope.ORGANISATION
                        && f.organisationCode().equals(organisationCode)).findFirst().map(Reports::exactPercent)
                        .orElse("did not take part");
                trend.add(new OrganisationReport.Trend(c.kind().label() + " (cycle " + c.number() + ")", own,
                        SmallNumbers.percent(national.numerator(), national.denominator())));
            });
        }
        return trend;
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
