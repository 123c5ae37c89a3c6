package org.qipflow.reporting;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.RecordChecker;
import org.qipflow.definitions.StandardFigure;
import org.qipflow.definitions.Standards;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.OutlierPolicy;
import org.qipflow.programmes.OutlierPolicyChanged;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.submissions.AuditRecord;
import org.qipflow.submissions.RecordService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analyses a cycle: each standard over the records of the organisations that submitted, nationally,
 * per organisation and per team, stored in one pass so that reports read figures rather than compute
 * them. Running it again replaces the figures; each organisation's anonymous code stays the same.
 */
@Service
public class CycleAnalysis {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RecordService records;
    private final AnalysisRepository analyses;
    private final CycleService cycles;
    private final ProgrammeService programmes;

    CycleAnalysis(RecordService records, AnalysisRepository analyses, CycleService cycles, ProgrammeService programmes) {
        this.records = records;
        this.analyses = analyses;
        this.cycles = cycles;
        this.programmes = programmes;
    }

    /** @param submitted the organisations whose data count: those that submitted, on time or late */
    @Transactional
    public void analyse(long cycleId, Collection<String> submitted) {
        // one analysis of a programme at a time: a correction during a review may analyse a round again
        programmes.lock(cycles.get(cycleId).programmeCode());
        AuditDefinition definition = records.definitionOf(cycleId);
        Standards.Tally national = new Standards.Tally(definition);
        List<ResultFigure> figures = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        List<String> standards = national.figures().stream().map(StandardFigure::standardId).toList();
        List<AnalysisRepository.OutcomeCount> outcomes = new ArrayList<>();
        for (String organisation : submitted.stream().sorted().toList()) {
            Standards.Tally own = new Standards.Tally(definition);
            Map<String, Standards.Tally> byTeam = new TreeMap<>();
            Map<String, Integer> byOutcome = new TreeMap<>();
            List<AuditRecord> ofOrganisation = records.list(cycleId, organisation);
            for (AuditRecord record : ofOrganisation) {
                // each record's outcome is worked out once and counted for its team, organisation and nation
                Standards.Outcome outcome = Standards.outcome(definition,
                        RecordChecker.storedValues(definition, record.answers()));
                byTeam.computeIfAbsent(record.teamCode(), t -> new Standards.Tally(definition)).add(outcome);
                own.add(outcome);
                national.add(outcome);
                byOutcome.merge(SecondarySuppression.outcome(standards, figureOrder(outcome.applies(), definition),
                        figureOrder(outcome.meets(), definition)), 1, Integer::sum);
            }
            add(figures, Scope.ORGANISATION, organisation, null, own.figures());
            byTeam.forEach((team, tally) -> add(figures, Scope.TEAM, organisation, team, tally.figures()));
            coverage.add(new Coverage(organisation, ofOrganisation.size(), byTeam.size()));
            byOutcome.forEach((pattern, count) -> outcomes.add(new AnalysisRepository.OutcomeCount(organisation, pattern, count)));
        }
        add(figures, Scope.NATIONAL, null, null, national.figures());
        analyses.replace(cycleId, figures, coverage, outcomes);
        flagOutliers(cycleId, figures);
        assignAliases(cycleId, submitted);
    }

    /** Each outlier indicator of the cycle's programme: who lies beyond its limits, as worked out with the analysis. */
    @Transactional(readOnly = true)
    public List<OutlierFlags.StandardOutliers> outliers(long cycleId) {
        return analyses.outliers(cycleId);
    }

    /** A changed policy flags the programme's analysed rounds again, from their figures, until their reports are out. */
    @EventListener
    void outlierPolicyChanged(OutlierPolicyChanged event) {
        cycles.cyclesOf(event.programmeCode()).stream().filter(c -> c.publishedAt() == null)
                .forEach(c -> flagOutliers(c.id(), analyses.figures(c.id())));
    }

    private void flagOutliers(long cycleId, List<ResultFigure> figures) {
        // the programme locked first, so a policy saved while the analysis runs is applied after it, not lost
        String programme = programmes.lock(cycles.get(cycleId).programmeCode()).code();
        OutlierPolicy policy = programmes.outlierPolicy(programme);
        analyses.replaceOutliers(cycleId, OutlierFlags.of(figures, policy));
    }

    /** Every stored figure of the cycle, national first, then organisations and their teams. */
    @Transactional(readOnly = true)
    public List<ResultFigure> figures(long cycleId) {
        return analyses.figures(cycleId);
    }

    /** What an organisation's figures rest on: its records and the teams they came from. */
    public record Coverage(String organisationCode, int records, int teams) {
    }

    /** Records and teams of each organisation analysed, by organisation code. */
    @Transactional(readOnly = true)
    public Map<String, Coverage> coverage(long cycleId) {
        return analyses.coverage(cycleId);
    }

    /** Per organisation, how many of its records have each outcome (see {@link SecondarySuppression#outcome}). */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Integer>> outcomes(long cycleId) {
        return analyses.outcomes(cycleId);
    }

    /** The outcome's flags in the order of the figures: the standards, then the all-or-none one if the audit has it. */
    private static boolean[] figureOrder(boolean[] flags, AuditDefinition definition) {
        return definition.allOrNone() != null ? flags : Arrays.copyOf(flags, flags.length - 1);
    }

    /** Each organisation's anonymous code in this cycle, e.g. "Organisation 07". */
    @Transactional(readOnly = true)
    public Map<String, String> aliases(long cycleId) {
        return analyses.aliases(cycleId);
    }

    /**
     * Codes are numbered in a random order, so nobody can work out who is who from names, codes or
     * the order of joining; they are stored, so an organisation keeps its code when the analysis runs again.
     */
    private void assignAliases(long cycleId, Collection<String> organisations) {
        Map<String, String> existing = aliases(cycleId);
        List<String> missing = new ArrayList<>(organisations.stream().filter(o -> !existing.containsKey(o)).toList());
        Collections.shuffle(missing, RANDOM);
        int next = existing.size() + 1;
        for (String organisation : missing) {
            analyses.insertAlias(cycleId, organisation, String.format("Organisation %02d", next++));
        }
    }

    private static void add(List<ResultFigure> figures, Scope scope, String organisation, String team,
            List<StandardFigure> standards) {
        for (StandardFigure s : standards) {
            figures.add(new ResultFigure(scope, organisation, team, s.standardId(), s.numerator(), s.denominator()));
        }
    }
}
