package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * reader (another organisation's records where shown as {@code *}, its records meeting the standard
 * and not meeting it where its share is hidden) can be shown to take at least {@value #FEWEST_VALUES}
 * values while everything the reader sees stays the same. That last part is proved by example: moves
 * of a few records between two other organisations that leave every figure shown as it was. When no
 * such moves are found the national figure is withheld, which may withhold one that was safe but never
 * shows one that is not. Standards whose records are the same for every organisation are checked
 * together, since a move of records changes all of them; withholding one of those for its records
 * withholds them all.
 */
final class SecondarySuppression {

    static final int FEWEST_OTHERS = 3;
    static final int FEWEST_VALUES = 3;
    /** How many records a move shifts between two organisations at most: two either side give three values. */
    private static final int REACH = 2;
    /** How far a move may shift records meeting a standard: as far as a hidden count goes. */
    private static final int MEETING_REACH = 7;

    private SecondarySuppression() {
    }

    /**
     * The standards whose national figure the reader may not be shown.
     *
     * @param figures every national and organisation figure of one cycle
     */
    static Set<String> withheld(List<ResultFigure> figures, String reader) {
        Map<String, OrganisationReport.Exact> national = new LinkedHashMap<>();
        Map<String, Map<String, OrganisationReport.Exact>> others = new LinkedHashMap<>();
        for (ResultFigure f : figures) {
            OrganisationReport.Exact exact = new OrganisationReport.Exact(f.numerator(), f.denominator());
            if (f.scope() == Scope.NATIONAL) {
                national.put(f.standardId(), exact);
            } else if (f.scope() == Scope.ORGANISATION && !f.organisationCode().equals(reader)) {
                others.computeIfAbsent(f.standardId(), s -> new LinkedHashMap<>()).put(f.organisationCode(), exact);
            }
        }
        Set<String> withheld = new TreeSet<>();
        for (List<String> group : sameRecords(national.keySet(), others)) {
            withheld.addAll(new Check(group, national, others).withheld());
        }
        return withheld;
    }

    /** Standards grouped where every other organisation has the same records for each. */
    private static List<List<String>> sameRecords(Set<String> standards,
            Map<String, Map<String, OrganisationReport.Exact>> others) {
        Map<Map<String, Integer>, List<String>> groups = new LinkedHashMap<>();
        for (String standard : standards) {
            Map<String, Integer> records = new LinkedHashMap<>();
            others.getOrDefault(standard, Map.of()).forEach((code, exact) -> records.put(code, exact.denominator()));
            groups.computeIfAbsent(records, r -> new ArrayList<>()).add(standard);
        }
        return List.copyOf(groups.values());
    }

    /** One group of standards sharing their records, for one reader. */
    private static final class Check {

        private final List<String> group;
        private final Map<String, OrganisationReport.Exact> national;
        private final List<String> codes;
        /** records[i]: organisation i's records; meeting[s][i]: its records meeting standard s. */
        private final int[] records;
        private final int[][] meeting;
        private final Set<Integer> shown = new HashSet<>();

        Check(List<String> group, Map<String, OrganisationReport.Exact> national,
                Map<String, Map<String, OrganisationReport.Exact>> others) {
            this.group = group;
            this.national = national;
            Map<String, OrganisationReport.Exact> first = others.getOrDefault(group.get(0), Map.of());
            this.codes = List.copyOf(first.keySet());
            this.records = codes.stream().mapToInt(c -> first.get(c).denominator()).toArray();
            this.meeting = new int[group.size()][];
            for (int s = 0; s < group.size(); s++) {
                Map<String, OrganisationReport.Exact> ofStandard = others.getOrDefault(group.get(s), Map.of());
                meeting[s] = codes.stream().mapToInt(c -> ofStandard.get(c).numerator()).toArray();
            }
        }

        Set<String> withheld() {
            long contributing = Arrays.stream(records).filter(r -> r > 0).count();
            if (contributing == 0) {
                return Set.of(); // the national figure is the reader's own
            }
            if (contributing < FEWEST_OTHERS || SmallNumbers.small(sum(records))) {
                return Set.copyOf(group);
            }
            for (int s = 0; s < group.size(); s++) {
                int met = sum(meeting[s]);
                if (!SmallNumbers.small(met) && !SmallNumbers.small(sum(records) - met)) {
                    shown.add(s);
                }
            }
            while (!shown.isEmpty()) {
                Integer failing = firstNarrowed();
                if (failing == null) {
                    break;
                }
                if (failing < 0) {
                    shown.clear();
                } else {
                    shown.remove(failing);
                }
            }
            Set<String> withheld = new TreeSet<>();
            for (int s = 0; s < group.size(); s++) {
                if (!shown.contains(s)) {
                    withheld.add(group.get(s));
                }
            }
            return withheld;
        }

        /** -1 when someone's hidden records can be narrowed, the standard when a hidden count in it can, else null. */
        private Integer firstNarrowed() {
            for (int j = 0; j < codes.size(); j++) {
                Hidden hidden = hidden(j);
                if (!hidden.any()) {
                    continue;
                }
                Values values = valuesOf(j, hidden);
                if (hidden.records && values.records.size() < FEWEST_VALUES) {
                    return -1;
                }
                for (int s : hidden.meeting) {
                    if (values.meeting.get(s).size() < FEWEST_VALUES || values.notMeeting.get(s).size() < FEWEST_VALUES) {
                        return s;
                    }
                }
            }
            return null;
        }

        /** Organisation j's hidden counts that a shown national figure bears on. */
        private Hidden hidden(int j) {
            List<Integer> ofStandards = new ArrayList<>();
            for (int s : shown) {
                if (records[j] > 0 && !SmallNumbers.shareShown(meeting[s][j], records[j])) {
                    ofStandards.add(s);
                }
            }
            return new Hidden(SmallNumbers.small(records[j]), ofStandards);
        }

        /** Values organisation j's counts can take, found by moves with one other organisation at a time. */
        private Values valuesOf(int j, Hidden hidden) {
            Values values = new Values(hidden);
            values.add(records[j], meetingOf(j));
            for (int k = 0; k < codes.size() && !values.enough(); k++) {
                if (k == j || records[k] == 0) {
                    continue;
                }
                for (int move = -REACH; move <= REACH; move++) {
                    tryMove(j, k, move, values);
                }
            }
            return values;
        }

        /** Moves {@code move} records from k to j, then looks for counts meeting each standard that keep both as shown. */
        private void tryMove(int j, int k, int move, Values values) {
            int rj = records[j] + move;
            int rk = records[k] - move;
            if (rj < 0 || rk < 0 || !SmallNumbers.count(rj).equals(SmallNumbers.count(records[j]))
                    || !SmallNumbers.count(rk).equals(SmallNumbers.count(records[k]))) {
                return;
            }
            List<Set<Integer>> meetingJ = new ArrayList<>();
            for (int s = 0; s < group.size(); s++) {
                Set<Integer> found = new TreeSet<>();
                if (shown.contains(s)) {
                    for (int shift = -MEETING_REACH; shift <= MEETING_REACH; shift++) {
                        int mj = meeting[s][j] + shift;
                        int mk = meeting[s][k] - shift;
                        if (mj >= 0 && mj <= rj && mk >= 0 && mk <= rk && looksSame(s, j, mj, rj)
                                && looksSame(s, k, mk, rk)) {
                            found.add(mj);
                        }
                    }
                } else if (anyLooksSame(s, k, rk)) {
                    for (int mj = 0; mj <= rj; mj++) {
                        if (looksSame(s, j, mj, rj)) {
                            found.add(mj);
                        }
                    }
                }
                if (found.isEmpty()) {
                    return;
                }
                meetingJ.add(found);
            }
            values.records.add(rj);
            for (int s = 0; s < group.size(); s++) {
                for (int mj : meetingJ.get(s)) {
                    values.add(s, mj, rj);
                }
            }
        }

        private int[] meetingOf(int j) {
            int[] met = new int[group.size()];
            for (int s = 0; s < group.size(); s++) {
                met[s] = meeting[s][j];
            }
            return met;
        }

        private boolean anyLooksSame(int s, int i, int r) {
            for (int m = 0; m <= r; m++) {
                if (looksSame(s, i, m, r)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether organisation i with these counts would be shown exactly as it is for standard s. */
        boolean looksSame(int s, int i, int met, int of) {
            return Objects.equals(shownAs(s, met, of), shownAs(s, meeting[s][i], records[i]));
        }

        private OrganisationReport.Peer shownAs(int s, int met, int of) {
            OrganisationReport.Exact nationally = shown.contains(s) ? national.get(group.get(s)) : null;
            return Reports.other("", new OrganisationReport.Exact(met, of), nationally);
        }

        private static int sum(int[] counts) {
            return Arrays.stream(counts).sum();
        }
    }

    /** Which of one organisation's counts are hidden: its records, and per standard its records meeting it and not. */
    private record Hidden(boolean records, List<Integer> meeting) {

        boolean any() {
            return records || !meeting.isEmpty();
        }
    }

    /** Values found so far for one organisation's records, and per standard its records meeting it and not. */
    private static final class Values {

        private final Hidden hidden;
        final Set<Integer> records = new TreeSet<>();
        final Map<Integer, Set<Integer>> meeting = new LinkedHashMap<>();
        final Map<Integer, Set<Integer>> notMeeting = new LinkedHashMap<>();

        Values(Hidden hidden) {
            this.hidden = hidden;
        }

        void add(int of, int[] met) {
            records.add(of);
            for (int s = 0; s < met.length; s++) {
                add(s, met[s], of);
            }
        }

        void add(int s, int met, int of) {
            meeting.computeIfAbsent(s, x -> new TreeSet<>()).add(met);
            notMeeting.computeIfAbsent(s, x -> new TreeSet<>()).add(of - met);
        }

        /** Whether every hidden count has been seen to take enough values. */
        boolean enough() {
            return (!hidden.records || records.size() >= FEWEST_VALUES) && hidden.meeting.stream()
                    .allMatch(s -> meeting.get(s).size() >= FEWEST_VALUES && notMeeting.get(s).size() >= FEWEST_VALUES);
        }
    }
}
