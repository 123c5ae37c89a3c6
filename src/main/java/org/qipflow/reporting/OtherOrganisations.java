package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one reader's secondary-suppression check works on: the cycle's national figures, and for every
 * other organisation its exact counts per standard and its records' outcomes.
 */
final class OtherOrganisations {

    final List<String> standards = new ArrayList<>();
    final List<OrganisationReport.Exact> national = new ArrayList<>();
    /** met[i][s], counted[i][s]: organisation i's records meeting standard s and counted in it. */
    final int[][] met;
    final int[][] counted;
    /** For each other organisation, its records' outcomes: effect per standard and how many records. */
    final List<List<Outcome>> outcomes = new ArrayList<>();
    /** False where an organisation's outcomes do not add up to its figures (analysed before they were kept). */
    final boolean outcomesKnown;

    OtherOrganisations(List<ResultFigure> figures, Map<String, Map<String, Integer>> byOrganisation, String reader) {
        Map<String, Map<String, ResultFigure>> byOther = new LinkedHashMap<>();
        for (ResultFigure f : figures) {
            if (f.scope() == Scope.NATIONAL) {
                standards.add(f.standardId());
                national.add(new OrganisationReport.Exact(f.numerator(), f.denominator()));
            } else if (f.scope() == Scope.ORGANISATION && !f.organisationCode().equals(reader)) {
                byOther.computeIfAbsent(f.organisationCode(), c -> new LinkedHashMap<>()).put(f.standardId(), f);
            }
        }
        List<String> others = new ArrayList<>(byOther.keySet());
        met = new int[others.size()][standards.size()];
        counted = new int[others.size()][standards.size()];
        boolean known = true;
        for (int i = 0; i < others.size(); i++) {
            for (int s = 0; s < standards.size(); s++) {
                ResultFigure f = byOther.get(others.get(i)).get(standards.get(s));
                met[i][s] = f == null ? 0 : f.numerator();
                counted[i][s] = f == null ? 0 : f.denominator();
            }
            List<Outcome> parsed = parse(byOrganisation.get(others.get(i)));
            outcomes.add(parsed);
            known &= addsUp(parsed, i);
        }
        outcomesKnown = known;
    }

    int size() {
        return met.length;
    }

    /** How many other organisations have records counted in standard s. */
    long contributing(int s) {
        int count = 0;
        for (int[] countedOfOne : counted) {
            count += countedOfOne[s] > 0 ? 1 : 0;
        }
        return count;
    }

    private List<Outcome> parse(Map<String, Integer> stored) {
        List<Outcome> parsed = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : stored == null ? Map.<String, Integer>of().entrySet()
                : stored.entrySet()) {
            Map<String, Character> byStandard = new LinkedHashMap<>();
            for (String part : entry.getKey().split(",")) {
                int colon = part.lastIndexOf(':');
                if (colon > 0) {
                    byStandard.put(part.substring(0, colon), part.charAt(colon + 1));
                }
            }
            int[] metEffect = new int[standards.size()];
            int[] countedEffect = new int[standards.size()];
            for (int s = 0; s < standards.size(); s++) {
                char c = byStandard.getOrDefault(standards.get(s), SecondarySuppression.NOT_COUNTED);
                countedEffect[s] = c == SecondarySuppression.NOT_COUNTED ? 0 : 1;
                metEffect[s] = c == SecondarySuppression.MET ? 1 : 0;
            }
            parsed.add(new Outcome(metEffect, countedEffect, entry.getValue()));
        }
        return parsed;
    }

    private boolean addsUp(List<Outcome> parsed, int i) {
        for (int s = 0; s < standards.size(); s++) {
            int metTotal = 0;
            int countedTotal = 0;
            for (Outcome o : parsed) {
                metTotal += o.met()[s] * o.records();
                countedTotal += o.counted()[s] * o.records();
            }
            if (metTotal != met[i][s] || countedTotal != counted[i][s]) {
                return false;
            }
        }
        return true;
    }

    /** How one kind of record counts in each standard, and how many of the organisation's records are of it. */
    record Outcome(int[] met, int[] counted, int records) {
    }
}
