package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.Standard;
import org.qipflow.programmes.Cycle;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every standard's national figure over a programme's rounds, with the change from the previous round
 * and from the baseline, worked out from exact counts. National figures are for the programme team:
 * what an organisation may see of them is in its own report.
 */
@Service
public class ProgrammeResults {

    private final AnalysisRepository analyses;
    private final RecordService records;

    ProgrammeResults(AnalysisRepository analyses, RecordService records) {
        this.analyses = analyses;
        this.records = records;
    }

    /** One standard over the rounds given, oldest first. */
    public record StandardTrend(String standardId, String text, Integer target, List<RoundFigure> rounds) {
    }

    /**
     * A round's national figure for one standard; null counts where the round had no figure for it (a
     * standard added by a later version, or a round not analysed yet).
     *
     * @param pointsFromPrevious this share less the previous round's, in whole points; null when either
     *                           applies to no record
     * @param pointsFromBaseline the same against the baseline (round 1)
     */
    public record RoundFigure(long cycleId, int number, String round, Integer numerator, Integer denominator,
            String percent, Long pointsFromPrevious, Long pointsFromBaseline) {

        public String changeFromPrevious() {
            return OrganisationReport.Exact.pointsText(pointsFromPrevious);
        }

        public String changeFromBaseline() {
            return OrganisationReport.Exact.pointsText(pointsFromBaseline);
        }
    }

    /**
     * The standards of the latest of these rounds (a re-audit keeps the baseline's, and may add some),
     * each over every round given; rounds must be of one programme, oldest first.
     */
    @Transactional(readOnly = true)
    public List<StandardTrend> national(List<Cycle> rounds) {
        if (rounds.isEmpty()) {
            return List.of();
        }
        AuditDefinition definition = records.definitionOf(rounds.get(rounds.size() - 1).id());
        Map<Long, List<ResultFigure>> figures = analyses.nationalFigures(rounds.stream().map(Cycle::id).toList());
        List<StandardTrend> trends = new ArrayList<>();
        for (Standard standard : definition.standards()) {
            List<RoundFigure> row = new ArrayList<>();
            OrganisationReport.Exact baseline = null;
            OrganisationReport.Exact previous = null;
            for (Cycle round : rounds) {
                OrganisationReport.Exact exact = figures.get(round.id()).stream()
                        .filter(f -> f.standardId().equals(standard.id())).findFirst()
                        .map(f -> new OrganisationReport.Exact(f.numerator(), f.denominator())).orElse(null);
                if (round.number() == 1) {
                    baseline = exact;
                }
                row.add(exact == null
                        ? new RoundFigure(round.id(), round.number(), round.roundLabel(), null, null, "–", null, null)
                        : new RoundFigure(round.id(), round.number(), round.roundLabel(), exact.numerator(),
                                exact.denominator(), exact.percent(),
                                round == rounds.get(0) ? null : OrganisationReport.Exact.points(exact, previous),
                                round.number() == 1 ? null : OrganisationReport.Exact.points(exact, baseline)));
                previous = exact;
            }
            trends.add(new StandardTrend(standard.id(), standard.text(), standard.target(), row));
        }
        return trends;
    }
}
