package org.qipflow.participation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;

/**
 * Team codes as a lead types them. Codes are allocated locally (T01, WARD-3); qipflow never learns
 * the teams' names.
 */
final class TeamCodes {

    private static final Pattern TEAM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,11}");
    private static final int MOST_TEAMS = 200;

    private TeamCodes() {
    }

    /** One per line or comma separated, upper-cased, each once; no spaces. */
    static List<String> parse(List<String> raw) {
        Set<String> codes = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String entry : raw == null ? List.<String>of() : raw) {
            for (String part : entry.split("[,;\\r\\n]+")) {
                String code = part.trim().toUpperCase(Locale.ROOT);
                if (code.isEmpty()) {
                    continue;
                }
                if (!TEAM_CODE.matcher(code).matches()) {
                    problems.add(new FieldProblem("teams", "'" + part.trim() + "' is not a team code: use up to 12 "
                            + "letters, digits or dashes, like T01. Do not use team or ward names"));
                }
                codes.add(code);
            }
        }
        if (codes.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("teams", "Register at least one team code, like T01"));
        }
        if (codes.size() > MOST_TEAMS) {
            problems.add(new FieldProblem("teams", "Register at most " + MOST_TEAMS + " teams"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(codes);
    }
}
