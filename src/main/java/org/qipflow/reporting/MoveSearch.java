package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.qipflow.reporting.MoveCandidates.Transfer;
import org.qipflow.reporting.OtherOrganisations.Outcome;
import org.qipflow.reporting.SecondarySuppression.Hidden;

/**
 * The values a hidden count can take while everything the reader sees stays the same, found by
 * example: moving records of up to two outcomes (an outcome being which standards a record applies to
 * and meets), up to {@value #MOST_MOVED} of each, between two other organisations, in either
 * direction, so that every figure shown of both (counts, shares, funnel positions, in every standard)
 * stays as it was. Moving whole records keeps whatever ties the standards together — a standard that
 * applies only where another is not met, one counted over the same records as another, the all-or-none
 * standard — because the moved world is made of records that exist. Standards whose national figure
 * is withheld fix no sum, so there a record of the organisation may also take another outcome seen in
 * the cycle that differs only in those standards.
 */
final class MoveSearch {

    /** The most records of one outcome a move shifts: as many as a hidden count can be. */
    private static final int MOST_MOVED = 7;
    /**
     * The most moves tried for one organisation before its hidden counts are taken as narrowed: the
     * search is then given up, on the safe side (the national figure is withheld), to keep a report fast.
     */
    private static final int MOST_TRIES = 100_000;

    private final OtherOrganisations others;
    /** The standards whose national figure is shown so far; the check narrows it as it goes. */
    private final Set<Integer> shown;
    private final MoveCandidates candidates;
    private int tries;

    MoveSearch(OtherOrganisations others, Set<Integer> shown) {
        this.others = others;
        this.shown = shown;
        this.candidates = new MoveCandidates(others, shown);
    }

    /** Values each hidden count of j takes in worlds found by moving records between j and another. */
    List<Set<Integer>> valuesOf(int j, List<Hidden> hidden) {
        List<Set<Integer>> values = new ArrayList<>();
        Set<Integer> standardsHidden = new LinkedHashSet<>();
        for (Hidden h : hidden) {
            values.add(new TreeSet<>(Set.of(h.of(others.met[j], others.counted[j]))));
            standardsHidden.add(h.standard());
        }
        List<Transfer> relabels = candidates.relabels(j);
        Map<Integer, List<Transfer>> kinds = new LinkedHashMap<>();
        List<Integer> partners = candidates.partners(j, standardsHidden);
        tries = 0;
        // the fewest records first, over every other organisation, since a move or two usually suffices
        for (int total = 1; total <= 2 * MOST_MOVED && !enough(values) && tries < MOST_TRIES; total++) {
            tryMoves(j, j, relabels, total, standardsHidden, hidden, values);
            for (int k : partners) {
                if (enough(values) || tries >= MOST_TRIES) {
                    break;
                }
                tryMoves(j, k, kinds.computeIfAbsent(k, candidates::towards), total, standardsHidden, hidden, values);
            }
        }
        return values;
    }

    /**
     * Every move of this many records of one or two kinds, at least one of them counted in a standard
     * where j has a hidden count (only such moves change one); j's own outcomes may move towards k.
     */
    private void tryMoves(int j, int k, List<Transfer> towardsJ, int total, Set<Integer> standardsHidden,
            List<Hidden> hidden, List<Set<Integer>> values) {
        List<Transfer> kinds = new ArrayList<>(towardsJ);
        if (k != j) {
            for (Outcome o : others.outcomes.get(j)) {
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

    private static boolean enough(List<Set<Integer>> values) {
        return values.stream().allMatch(v -> v.size() >= SecondarySuppression.FEWEST_VALUES);
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
        int[] metJ = others.met[j].clone();
        int[] countedJ = others.counted[j].clone();
        int[] metK = others.met[k].clone();
        int[] countedK = others.counted[k].clone();
        for (Transfer t : one == two ? List.of(one) : List.of(one, two)) {
            int times = (t == one ? ones : 0) + (t == two ? twos : 0);
            int sign = t.toJ() ? times : -times;
            for (int s = 0; s < others.standards.size(); s++) {
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
        for (int s = 0; s < others.standards.size(); s++) {
            if (metNow[s] < 0 || countedNow[s] < metNow[s]) {
                return false;
            }
            if (metNow[s] != others.met[i][s] || countedNow[s] != others.counted[i][s]) {
                OrganisationReport.Exact nationally = shown.contains(s) ? others.national.get(s) : null;
                if (!Objects.equals(
                        Reports.other("", new OrganisationReport.Exact(metNow[s], countedNow[s]), nationally),
                        Reports.other("", new OrganisationReport.Exact(others.met[i][s], others.counted[i][s]),
                                nationally))) {
                    return false;
                }
            }
        }
        return true;
    }

}
