package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * reader (another organisation's records where shown as {@code *}, its records meeting a standard and
 * not meeting it where its share is hidden) can be shown to take at least {@value #FEWEST_VALUES}
 * values while everything the reader sees stays the same.
 *
 * <p>That last part is proved by example: moving records of up to two outcomes (an outcome being which
 * standards a record applies to and meets), up to {@value #MOST_MOVED} of each, between two other
 * organisations, in either direction, so that every figure shown of
 * both (counts, shares, funnel positions, in every standard) stays as it was. Moving whole records keeps
 * whatever ties the standards together — a standard that applies only where another is not met, one
 * counted over the same records as another, the all-or-none standard — because the moved world is made
 * of records that exist. Standards whose national figure is withheld fix no sum, so there a record of
 * the organisation may also take another outcome seen in the cycle that differs only in those
 * standards. When no such moves are found the national figure is withheld, which may withhold one that
 * was safe. Where a hidden count of a standard already withheld can be narrowed, every national figure
 * is withheld.
 */
final class SecondarySuppression {

    static final int FEWEST_OTHERS = 3;
    static final int FEWEST_VALUES = 3;
    /** Outcome of one record for one standard: not counted, counted and met, counted and not met. */
    static final char NOT_COUNTED = '-';
    static final char MET = 'y';
    static final char NOT_MET = 'n';
    /** The most records of one outcome a move shifts: as many as a hidden count can be. */
    private static final int MOST_MOVED = 7;
    /**
     * The most moves tried for one organisation before its hidden counts are taken as narrowed: the
     * search is then given up, on the safe side (the national figure is withheld), to keep a report fast.
     */
    private static final int MOST_TRIES = 100_000;

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
        return new Check(figures, outcomes, reader).withheld();
    }

    /** A record's outcome, as stored: "S1:y,S2:n,S3:-". */
    static String outcome(List<String> standards, boolean[] applies, boolean[] meets) {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < standards.size(); s++) {
            parts.add(standards.get(s) + ":" + (!applies[s] ? NOT_COUNTED : meets[s] ? MET : NOT_MET));
        }
        return String.join(",", parts);
    }

    /** One reader's check over the cycle's other organisations. */
    private static final class Check {

        private final List<String> standards = new ArrayList<>();
        private final List<OrganisationReport.Exact> national = new ArrayList<>();
        private final List<String> others = new ArrayList<>();
        /** met[i][s], counted[i][s]: organisation i's records meeting standard s and counted in it. */
        private int[][] met;
        private int[][] counted;
        /** For each other organisation, its records' outcomes: effect per standard and how many records. */
        private final List<List<Outcome>> outcomes = new ArrayList<>();
        private boolean outcomesKnown = true;
        private final Set<Integer> shown = new LinkedHashSet<>();
        private List<Outcome> seen;
        private int tries;

        Check(List<ResultFigure> figures, Map<String, Map<String, Integer>> byOrganisation, String reader) {
            Map<String, Map<String, ResultFigure>> byOther = new LinkedHashMap<>();
            for (ResultFigure f : figures) {
                if (f.scope() == Scope.NATIONAL) {
                    standards.add(f.standardId());
                    national.add(new OrganisationReport.Exact(f.numerator(), f.denominator()));
                } else if (f.scope() == Scope.ORGANISATION && !f.organisationCode().equals(reader)) {
                    byOther.computeIfAbsent(f.organisationCode(), c -> new LinkedHashMap<>()).put(f.standardId(), f);
                }
            }
            others.addAll(byOther.keySet());
            met = new int[others.size()][standards.size()];
            counted = new int[others.size()][standards.size()];
            for (int i = 0; i < others.size(); i++) {
                for (int s = 0; s < standards.size(); s++) {
                    ResultFigure f = byOther.get(others.get(i)).get(standards.get(s));
                    met[i][s] = f == null ? 0 : f.numerator();
                    counted[i][s] = f == null ? 0 : f.denominator();
                }
                outcomes.add(parse(byOrganisation.get(others.get(i)), i));
            }
        }

        /** The organisation's outcomes, or null (and the check made conservative) when they do not add up to its figures. */
        private List<Outcome> parse(Map<String, Integer> stored, int i) {
            List<Outcome> parsed = new ArrayList<>();
            int[] metTotal = new int[standards.size()];
            int[] countedTotal = new int[standards.size()];
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
                    char c = byStandard.getOrDefault(standards.get(s), NOT_COUNTED);
                    countedEffect[s] = c == NOT_COUNTED ? 0 : 1;
                    metEffect[s] = c == MET ? 1 : 0;
                    metTotal[s] += metEffect[s] * entry.getValue();
                    countedTotal[s] += countedEffect[s] * entry.getValue();
                }
                parsed.add(new Outcome(metEffect, countedEffect, entry.getValue()));
            }
            for (int s = 0; s < standards.size(); s++) {
                if (metTotal[s] != met[i][s] || countedTotal[s] != counted[i][s]) {
                    outcomesKnown = false; // analysed before outcomes were kept: nothing to prove safety with
                }
            }
            return parsed;
        }

        Set<String> withheld() {
            for (int s = 0; s < standards.size(); s++) {
                if (contributing(s) == 0 || outcomesKnown && passesTotals(s)) {
                    shown.add(s);
                }
            }
            while (shown.stream().anyMatch(s -> contributing(s) > 0)) {
                Integer narrowed = firstNarrowed();
                if (narrowed == null) {
                    break;
                }
                if (shown.contains(narrowed)) {
                    shown.remove(narrowed);
                } else {
                    shown.removeIf(s -> contributing(s) > 0);
                }
            }
            Set<String> withheld = new TreeSet<>();
            for (int s = 0; s < standards.size(); s++) {
                if (!shown.contains(s)) {
                    withheld.add(standards.get(s));
                }
            }
            return withheld;
        }

        private long contributing(int s) {
            int count = 0;
            for (int i = 0; i < others.size(); i++) {
                count += counted[i][s] > 0 ? 1 : 0;
            }
            return count;
        }

        /** At least three others with records, and their totals not small. */
        private boolean passesTotals(int s) {
            int metSum = 0;
            int countedSum = 0;
            for (int i = 0; i < others.size(); i++) {
                metSum += met[i][s];
                countedSum += counted[i][s];
            }
            return contributing(s) >= FEWEST_OTHERS && !SmallNumbers.small(countedSum)
                    && !SmallNumbers.small(metSum) && !SmallNumbers.small(countedSum - metSum);
        }

        /** The standard of the first hidden count found to take fewer than three values, or null. */
        private Integer firstNarrowed() {
            for (int j = 0; j < others.size(); j++) {
                List<Hidden> hidden = hidden(j);
                if (hidden.isEmpty()) {
                    continue;
                }
                List<Set<Integer>> values = valuesOf(j, hidden);
                for (int h = 0; h < hidden.size(); h++) {
                    if (values.get(h).size() < FEWEST_VALUES) {
                        return hidden.get(h).standard();
                    }
                }
            }
            return null;
        }

        /** Organisation j's hidden counts: records shown as *, and meeting and not meeting where the share is hidden. */
        private List<Hidden> hidden(int j) {
            List<Hidden> hidden = new ArrayList<>();
            for (int s = 0; s < standards.size(); s++) {
                if (SmallNumbers.small(counted[j][s])) {
                    hidden.add(new Hidden(s, Kind.RECORDS));
                }
                if (counted[j][s] > 0 && !SmallNumbers.shareShown(met[j][s], counted[j][s])) {
                    hidden.add(new Hidden(s, Kind.MEETING));
                    hidden.add(new Hidden(s, Kind.NOT_MEETING));
                }
            }
            return hidden;
        }

        /** Values each hidden count of j takes in worlds found by moving one or two records between j and another. */
        private List<Set<Integer>> valuesOf(int j, List<Hidden> hidden) {
            List<Set<Integer>> values = new ArrayList<>();
            Set<Integer> standardsHidden = new LinkedHashSet<>();
            for (Hidden h : hidden) {
                values.add(new TreeSet<>(Set.of(h.of(met[j], counted[j]))));
                standardsHidden.add(h.standard());
            }
            List<Transfer> relabels = relabels(j);
            Map<Integer, List<Transfer>> kinds = new LinkedHashMap<>();
            List<Integer> partners = partners(j, standardsHidden);
            tries = 0;
            // the fewest records first, over every other organisation, since a move or two usually suffices
            for (int total = 1; total <= 2 * MOST_MOVED && !enough(values) && tries < MOST_TRIES; total++) {
                tryMoves(j, j, relabels, total, standardsHidden, hidden, values);
                for (int k : partners) {
                    if (enough(values) || tries >= MOST_TRIES) {
                        break;
                    }
                    tryMoves(j, k, kinds.computeIfAbsent(k, this::kinds), total, standardsHidden, hidden, values);
                }
            }
            return values;
        }

        /**
         * The other organisations to move records with, those whose own figures are hidden in the same
         * standards first: they take a change without showing it.
         */
        private List<Integer> partners(int j, Set<Integer> standardsHidden) {
            List<Integer> alike = new ArrayList<>();
            List<Integer> rest = new ArrayList<>();
            for (int k = 0; k < others.size(); k++) {
                if (k == j || outcomes.get(k).isEmpty()) {
                    continue;
                }
                int partner = k;
                boolean hiddenToo = standardsHidden.stream().anyMatch(s -> counted[partner][s] > 0
                        && !SmallNumbers.shareShown(met[partner][s], counted[partner][s]));
                (hiddenToo ? alike : rest).add(k);
            }
            alike.addAll(rest);
            return alike;
        }

        /** The records that can move between j and k: each of k's outcomes towards j, each of j's towards k. */
        private List<Transfer> kinds(int k) {
            List<Transfer> kinds = new ArrayList<>();
            for (Outcome o : outcomes.get(k)) {
                kinds.add(new Transfer(o, true));
            }
            return kinds;
        }

        /**
         * Every move of this many records of one or two kinds, at least one of them counted in a standard
         * where j has a hidden count (only such moves change one).
         */
        private void tryMoves(int j, int k, List<Transfer> towardsJ, int total, Set<Integer> standardsHidden,
                List<Hidden> hidden, List<Set<Integer>> values) {
            List<Transfer> kinds = new ArrayList<>(towardsJ);
            if (k != j) {
                for (Outcome o : outcomes.get(j)) {
                    kinds.add(new Transfer(o, false));
                }
            }
            for (int a = 0; a < kinds.size() && !enough(values); a++) {
                boolean aTouches = touches(kinds.get(a), standardsHidden);
                if (aTouches && total <= MOST_MOVED) {
                    tryMove(j, k, kinds.get(a), total, kinds.get(a), 0, hidden, values);
                }
                for (int b = a + 1; b < kinds.size() && !enough(values); b++) {
                    if (!aTouches && !touches(kinds.get(b), standardsHidden)) {
                        continue;
                    }
                    for (int first = Math.max(1, total - MOST_MOVED); first <= Math.min(total - 1, MOST_MOVED); first++) {
                        tryMove(j, k, kinds.get(a), first, kinds.get(b), total - first, hidden, values);
                    }
                }
            }
        }

        private static boolean touches(Transfer transfer, Set<Integer> standards) {
            for (int s : standards) {
                if (transfer.outcome().counted()[s] != 0 || transfer.outcome().met()[s] != 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Records of j taking another outcome seen in the cycle that differs only in standards whose
         * national figure is withheld: no sum the reader knows changes.
         */
        private List<Transfer> relabels(int j) {
            List<Transfer> relabels = new ArrayList<>();
            for (Outcome from : outcomes.get(j)) {
                for (Outcome to : seenOutcomes()) {
                    if (!sameCounts(from, to) && sameWhereShown(from, to)) {
                        int[] metChange = new int[standards.size()];
                        int[] countedChange = new int[standards.size()];
                        for (int s = 0; s < standards.size(); s++) {
                            metChange[s] = to.met()[s] - from.met()[s];
                            countedChange[s] = to.counted()[s] - from.counted()[s];
                        }
                        relabels.add(new Transfer(new Outcome(metChange, countedChange, from.records()), true));
                    }
                }
            }
            return relabels;
        }

        /** Each outcome seen in the cycle, once. */
        private List<Outcome> seenOutcomes() {
            if (seen == null) {
                seen = new ArrayList<>();
                for (List<Outcome> ofOrganisation : outcomes) {
                    for (Outcome o : ofOrganisation) {
                        if (seen.stream().noneMatch(known -> sameCounts(known, o))) {
                            seen.add(o);
                        }
                    }
                }
            }
            return seen;
        }

        private static boolean sameCounts(Outcome a, Outcome b) {
            return Arrays.equals(a.met(), b.met()) && Arrays.equals(a.counted(), b.counted());
        }

        private boolean sameWhereShown(Outcome a, Outcome b) {
            for (int s : shown) {
                if (a.met()[s] != b.met()[s] || a.counted()[s] != b.counted()[s]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean enough(List<Set<Integer>> values) {
            return values.stream().allMatch(v -> v.size() >= FEWEST_VALUES);
        }

        /**
         * Moves this many records of the first kind and of the second (towards j, or away from it to k),
         * or with k = j changes their outcome; where both still look the same, notes j's counts.
         */
        private void tryMove(int j, int k, Transfer one, int ones, Transfer two, int twos, List<Hidden> hidden,
                List<Set<Integer>> values) {
            tries++;
            if (one == two ? ones + twos > one.outcome().records()
                    : ones > one.outcome().records() || twos > two.outcome().records()) {
                return;
            }
            int[] metJ = met[j].clone();
            int[] countedJ = counted[j].clone();
            int[] metK = met[k].clone();
            int[] countedK = counted[k].clone();
            for (Transfer t : one == two ? List.of(one) : List.of(one, two)) {
                int times = (t == one ? ones : 0) + (t == two ? twos : 0);
                int sign = t.toJ() ? times : -times;
                for (int s = 0; s < standards.size(); s++) {
                    metJ[s] += sign * t.outcome().met()[s];
                    countedJ[s] += sign * t.outcome().counted()[s];
                    if (k != j) {
                        metK[s] -= sign * t.outcome().met()[s];
                        countedK[s] -= sign * t.outcome().counted()[s];
                    }
                }
            }
            if (!looksSame(j, metJ, countedJ) || k != j && !looksSame(k, metK, countedK)) {
                return;
            }
            for (int h = 0; h < hidden.size(); h++) {
                values.get(h).add(hidden.get(h).of(metJ, countedJ));
            }
        }

        /** Whether organisation i with these counts would be shown exactly as it is, in every standard. */
        private boolean looksSame(int i, int[] metNow, int[] countedNow) {
            for (int s = 0; s < standards.size(); s++) {
                if (metNow[s] < 0 || countedNow[s] < metNow[s]) {
                    return false;
                }
                if (metNow[s] != met[i][s] || countedNow[s] != counted[i][s]) {
                    OrganisationReport.Exact nationally = shown.contains(s) ? national.get(s) : null;
                    if (!Objects.equals(Reports.other("", new OrganisationReport.Exact(metNow[s], countedNow[s]), nationally),
                            Reports.other("", new OrganisationReport.Exact(met[i][s], counted[i][s]), nationally))) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** How one kind of record counts in each standard, and how many of the organisation's records are of it. */
    private record Outcome(int[] met, int[] counted, int records) {
    }

    /** One record of an outcome moved to organisation j from the other, or from j to the other. */
    private record Transfer(Outcome outcome, boolean toJ) {
    }

    private enum Kind { RECORDS, MEETING, NOT_MEETING }

    private record Hidden(int standard, Kind kind) {

        int of(int[] met, int[] counted) {
            return switch (kind) {
                case RECORDS -> counted[standard];
                case MEETING -> met[standard];
                case NOT_MEETING -> counted[standard] - met[standard];
            };
        }
    }
}
