package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which national figures one organisation may be shown without being able to work out a count hidden
 * from it. The national figure includes the reader's own exact counts, so national minus own is the
 * exact total of everyone else; with few others, or with others whose rounded counts sit at the edge
 * of their rounding, that total pins a hidden count down.
 *
 * <p>The rule, per reader and standard: where no other organisation has records for it the national
 * figure is the reader's own, and shown. Otherwise it is shown only where at least
 * {@value #FEWEST_OTHERS} other organisations have records for it, their combined records, records
 * meeting it and records not meeting it are each 0 or more than 7, and every count hidden from the
 * reader (another organisation's records where shown as {@code *}, its records meeting a standard and
 * not meeting it where its share is hidden) can be shown to take at least {@value #FEWEST_VALUES}
 * values while everything the reader sees stays the same. {@link MoveSearch} finds those values by
 * example. When it finds too few the national figure is withheld, which may withhold one that was
 * safe. Where a hidden count of a standard already withheld can be narrowed, every national figure
 * is withheld.
 */
final class SecondarySuppression {

    static final int FEWEST_OTHERS = 3;
    static final int FEWEST_VALUES = 3;
    /** Outcome of one record for one standard: not counted, counted and met, counted and not met. */
    static final char NOT_COUNTED = '-';
    static final char MET = 'y';
    static final char NOT_MET = 'n';

    private SecondarySuppression() {
    }

    /**
     * The standards whose national figure the reader may not be shown.
     *
     * @param figures  every national and organisation figure of one cycle
     * @param outcomes per organisation, how many of its records have each outcome, as written by
     *                 {@link #outcome}; an organisation missing here has every national figure withheld
     */
    static Set<String> withheld(List<ResultFigure> figures, Map<String, Map<String, Integer>> outcomes, String reader) {
        OtherOrganisations others = new OtherOrganisations(figures, outcomes, reader);
        Set<Integer> shown = new LinkedHashSet<>();
        for (int s = 0; s < others.standards.size(); s++) {
            if (others.contributing(s) == 0 || others.outcomesKnown && passesTotals(others, s)) {
                shown.add(s);
            }
        }
        MoveSearch search = new MoveSearch(others, shown);
        while (shown.stream().anyMatch(s -> others.contributing(s) > 0)) {
            Integer narrowed = firstNarrowed(others, search);
            if (narrowed == null) {
                break;
            }
            if (shown.contains(narrowed)) {
                shown.remove(narrowed);
            } else {
                shown.removeIf(s -> others.contributing(s) > 0);
            }
        }
        Set<String> withheld = new TreeSet<>();
        for (int s = 0; s < others.standards.size(); s++) {
            if (!shown.contains(s)) {
                withheld.add(others.standards.get(s));
            }
        }
        return withheld;
    }

    /** A record's outcome, as stored: "S1:y,S2:n,S3:-". */
    static String outcome(List<String> standards, boolean[] applies, boolean[] meets) {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < standards.size(); s++) {
            parts.add(standards.get(s) + ":" + (!applies[s] ? NOT_COUNTED : meets[s] ? MET : NOT_MET));
        }
        return String.join(",", parts);
    }

    /** At least three others with records, and their totals not small. */
    private static boolean passesTotals(OtherOrganisations others, int s) {
        int metSum = 0;
        int countedSum = 0;
        for (int i = 0; i < others.size(); i++) {
            metSum += others.met[i][s];
            countedSum += others.counted[i][s];
        }
        return others.contributing(s) >= FEWEST_OTHERS && !SmallNumbers.small(countedSum)
                && !SmallNumbers.small(metSum) && !SmallNumbers.small(countedSum - metSum);
    }

    /** The standard of the first hidden count found to take fewer than three values, or null. */
    private static Integer firstNarrowed(OtherOrganisations others, MoveSearch search) {
        for (int j = 0; j < others.size(); j++) {
            List<Hidden> hidden = hidden(others, j);
            if (hidden.isEmpty()) {
                continue;
            }
            List<Set<Integer>> values = search.valuesOf(j, hidden);
            for (int h = 0; h < hidden.size(); h++) {
                if (values.get(h).size() < FEWEST_VALUES) {
                    return hidden.get(h).standard();
                }
            }
        }
        return null;
    }

    /** Organisation j's hidden counts: records shown as *, and meeting and not meeting where the share is hidden. */
    private static List<Hidden> hidden(OtherOrganisations others, int j) {
        List<Hidden> hidden = new ArrayList<>();
        for (int s = 0; s < others.standards.size(); s++) {
            int counted = others.counted[j][s];
            if (SmallNumbers.small(counted)) {
                hidden.add(new Hidden(s, Kind.RECORDS));
            }
            if (counted > 0 && !SmallNumbers.shareShown(others.met[j][s], counted)) {
                hidden.add(new Hidden(s, Kind.MEETING));
                hidden.add(new Hidden(s, Kind.NOT_MEETING));
            }
        }
        return hidden;
    }

    enum Kind { RECORDS, MEETING, NOT_MEETING }

    /** One count hidden from the reader: an organisation's records, or meeting or not meeting, in a standard. */
    record Hidden(int standard, Kind kind) {

        int of(int[] met, int[] counted) {
            return switch (kind) {
                case RECORDS -> counted[standard];
                case MEETING -> met[standard];
                case NOT_MEETING -> counted[standard] - met[standard];
            };
        }
    }
}
