package org.qipflow.programmes;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkDateTimes;

/** Milestones in the API: keys such as {@code submissionCloses}, ISO-8601 date-times. */
public final class MilestoneJson {

    private MilestoneJson() {
    }

    /** Reads {@code {"submissionCloses":"2027-04-30T17:00"}}; every bad key or date is named. */
    public static Map<Milestone, ZonedDateTime> parse(Map<String, String> given) {
        Map<Milestone, ZonedDateTime> result = new EnumMap<>(Milestone.class);
        if (given == null) {
            return result;
        }
        List<FieldProblem> problems = new ArrayList<>();
        given.forEach((key, value) -> Milestone.byKey(key).ifPresentOrElse(milestone -> {
            try {
                result.put(milestone, UkDateTimes.parse("milestones." + key, value, CycleTimeline.DEADLINE_TIME));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }, () -> problems.add(new FieldProblem("milestones." + key, "'" + key + "' is not a milestone; use "
                + String.join(", ", Arrays.stream(Milestone.values()).map(Milestone::key).toList())))));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return result;
    }

    /** Every milestone of the cycle, in order, with the UK offset in force on its date. */
    public static Map<String, String> of(Cycle cycle) {
        return of(cycle.milestones());
    }

    /** Every milestone, in order, with the UK offset in force on its date. */
    public static Map<String, String> of(Milestones dates) {
        Map<String, String> milestones = new LinkedHashMap<>();
        for (Milestone m : Milestone.values()) {
            milestones.put(m.key(), dates.get(m).toOffsetDateTime().toString());
        }
        return milestones;
    }
}
