package org.qipflow.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies a definition's standards, and its all-or-none figure, to checked records. */
public final class Standards {

    private Standards() {
    }

    /** One figure per standard, in the definition's order, then the all-or-none figure if it has one. */
    public static List<StandardFigure> figures(AuditDefinition definition, List<Map<String, Object>> records) {
        Tally tally = new Tally(definition);
        records.forEach(values -> tally.add(outcome(definition, values)));
        return tally.figures();
    }

    /**
     * Which standards one record is counted in and which it meets; index {@code n} (one past the
     * standards) is the all-or-none figure. Worked out once per record, then added to as many tallies
     * (team, organisation, nation) as it belongs to.
     */
    public record Outcome(boolean[] applies, boolean[] meets) {
    }

    public static Outcome outcome(AuditDefinition definition, Map<String, Object> values) {
        Map<String, Object> context = RecordChecker.context(definition, values);
        int n = definition.standards().size();
        boolean[] applies = new boolean[n + 1];
        boolean[] meets = new boolean[n + 1];
        boolean allApply = definition.allOrNone() != null;
        boolean allMet = allApply;
        for (int i = 0; i < n; i++) {
            Standard standard = definition.standards().get(i);
            applies[i] = standard.appliesTo().holds(context);
            meets[i] = applies[i] && standard.meets().holds(context);
            if (definition.allOrNone() != null && definition.allOrNone().standards().contains(standard.id())) {
                allApply &= applies[i];
                allMet &= meets[i];
            }
        }
        applies[n] = allApply;
        meets[n] = allApply && allMet;
        return new Outcome(applies, meets);
    }

    /** Numerators and denominators of every standard over the records added so far. */
    public static final class Tally {

        private final AuditDefinition definition;
        private final int[] numerators;
        private final int[] denominators;

        public Tally(AuditDefinition definition) {
            this.definition = definition;
            this.numerators = new int[definition.standards().size() + 1];
            this.denominators = new int[definition.standards().size() + 1];
        }

        public void add(Outcome outcome) {
            for (int i = 0; i < numerators.length; i++) {
                if (outcome.applies()[i]) {
                    denominators[i]++;
                    numerators[i] += outcome.meets()[i] ? 1 : 0;
                }
            }
        }

        public List<StandardFigure> figures() {
            int n = definition.standards().size();
            List<StandardFigure> figures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                figures.add(new StandardFigure(definition.standards().get(i).id(), numerators[i], denominators[i]));
            }
            if (definition.allOrNone() != null) {
                figures.add(new StandardFigure(definition.allOrNone().id(), numerators[n], denominators[n]));
            }
            return figures;
        }
    }
}
