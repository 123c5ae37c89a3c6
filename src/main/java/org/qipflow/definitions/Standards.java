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
        int n = definition.standards().size();
        int[] numerators = new int[n + 1];
        int[] denominators = new int[n + 1];
        for (Map<String, Object> values : records) {
            Map<String, Object> context = RecordChecker.context(definition, values);
            boolean allApply = definition.allOrNone() != null;
            boolean allMet = allApply;
            for (int i = 0; i < n; i++) {
                Standard standard = definition.standards().get(i);
                boolean applies = standard.appliesTo().holds(context);
                boolean meets = applies && standard.meets().holds(context);
                if (applies) {
                    denominators[i]++;
                    numerators[i] += meets ? 1 : 0;
                }
                if (definition.allOrNone() != null && definition.allOrNone().standards().contains(standard.id())) {
                    allApply &= applies;
                    allMet &= meets;
                }
            }
            if (allApply) {
                denominators[n]++;
                numerators[n] += allMet ? 1 : 0;
            }
        }
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
