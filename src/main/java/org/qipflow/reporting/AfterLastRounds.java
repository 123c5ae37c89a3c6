package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.qipflow.definitions.Standard;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a report's "after the last round": the previous round's plans next to the change since. */
@Service
public class AfterLastRounds {

    private final CycleService cycles;
    private final CycleAnalysis analysis;
    private final RecordService records;
    private final RoundPlans plans;

    AfterLastRounds(CycleService cycles, CycleAnalysis analysis, RecordService records, RoundPlans plans) {
        this.cycles = cycles;
        this.analysis = analysis;
        this.records = records;
        this.plans = plans;
    }

    /** Empty for a programme's first published round, and where nobody planned anything after the previous. */
    @Transactional(readOnly = true)
    public Optional<AfterLastRound> of(long cycleId, String reader) {
        Cycle cycle = cycles.get(cycleId);
        List<Cycle> earlier = cycles.earlierPublished(cycle);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Cycle previous = earlier.get(earlier.size() - 1);
        Map<String, RoundPlans.Submitted> submitted = plans.of(previous.id());
        if (submitted.isEmpty()) {
            return Optional.empty();
        }
        List<Standard> standards = records.definitionOf(cycleId).standards();
        Map<String, Map<String, OrganisationReport.Exact>> before = byOrganisation(analysis.figures(previous.id()));
        Map<String, Map<String, OrganisationReport.Exact>> now = byOrganisation(analysis.figures(cycleId));
        Map<String, String> aliases = analysis.aliases(cycleId);

        AfterLastRound.Own own = before.containsKey(reader) && now.containsKey(reader)
                ? own(standards, before.get(reader), now.get(reader), submitted.get(reader)) : null;
        List<AfterLastRound.Other> others = new ArrayList<>();
        for (String organisation : now.keySet()) {
            if (!organisation.equals(reader) && before.containsKey(organisation)) {
                others.add(new AfterLastRound.Other(aliases.get(organisation), submitted.get(organisation),
                        standards.stream().map(s -> shown(before.get(organisation).get(s.id())) + " → "
                                + shown(now.get(organisation).get(s.id()))).toList()));
            }
        }
        others.sort(Comparator.comparing(AfterLastRound.Other::alias));
        return Optional.of(new AfterLastRound(previous.roundLabel(), standards.stream().map(Standard::id)
                .toList(), own, others));
    }

    private static AfterLastRound.Own own(List<Standard> standards, Map<String, OrganisationReport.Exact> before,
            Map<String, OrganisationReport.Exact> now, RoundPlans.Submitted plan) {
        List<AfterLastRound.Change> changes = standards.stream().map(s -> {
            OrganisationReport.Exact was = before.getOrDefault(s.id(), new OrganisationReport.Exact(0, 0));
            OrganisationReport.Exact is = now.getOrDefault(s.id(), new OrganisationReport.Exact(0, 0));
            return new AfterLastRound.Change(s.id(), s.text(), exact(was), exact(is),
                    OrganisationReport.Exact.pointsText(OrganisationReport.Exact.points(is, was)),
                    plan == null ? List.of() : plan.actions().stream().filter(a -> a.standardId().equals(s.id()))
                            .toList());
        }).toList();
        return new AfterLastRound.Own(plan, changes);
    }

    /** "40% (4 of 10)", or "–" where the standard applied to none of its records. */
    private static String exact(OrganisationReport.Exact figures) {
        return figures.denominator() == 0 ? SmallNumbers.NO_RECORDS : figures.percent() + " (" + figures.records() + ")";
    }

    /** Another organisation's share as its report showed it. */
    private static String shown(OrganisationReport.Exact figures) {
        return figures == null ? SmallNumbers.NO_RECORDS : SmallNumbers.percent(figures.numerator(), figures.denominator());
    }

    private static Map<String, Map<String, OrganisationReport.Exact>> byOrganisation(List<ResultFigure> figures) {
        return figures.stream().filter(f -> f.scope() == Scope.ORGANISATION).collect(Collectors.groupingBy(
                ResultFigure::organisationCode, TreeMap::new, Collectors.toMap(ResultFigure::standardId,
                        f -> new OrganisationReport.Exact(f.numerator(), f.denominator()), (a, b) -> a)));
    }
}
