package org.qipflow.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;

/**
 * Puts input problems where every page's GOV.UK error summary ({@code problems}) and the message above
 * each field at fault ({@code errors}, by field name) read them, so a controller says it in one line.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void show(Model model, List<FieldProblem> problems) {
        model.addAttribute("problems", problems);
        model.addAttribute("errors", FieldProblem.byField(problems));
    }

    public static void show(Model model, FieldProblem problem) {
        show(model, List.of(problem));
    }

    /** A form shown before anything is wrong with it; problems a failed post put there stay. */
    public static void noneYet(Model model) {
        model.asMap().putIfAbsent("problems", List.of());
        model.asMap().putIfAbsent("errors", Map.of());
    }

    /** What the user typed, by field name (pairs of name and value), to show again next to the errors. */
    public static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return values;
    }
}
