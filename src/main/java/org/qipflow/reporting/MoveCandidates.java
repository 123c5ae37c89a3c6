package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.qipflow.reporting.OtherOrganisations.Outcome;

/** The records {@link MoveSearch} may move: with whom, which outcomes, and which outcomes a record may change to. */
final class MoveCandidates {

    private final OtherOrganisations others;
    private final Set<Integer> shown;
    private List<Outcome> seen;

    MoveCandidates(OtherOrganisations others, Set<Integer> shown) {
        this.others = others;
        this.shown = shown;
    }

    /**
     * The other organisations to move records with, those whose own figures are hidden in the same
     * standards first: they take a change without showing it.
     */
    List<Integer> partners(int j, Set<Integer> standardsHidden) {
        List<Integer> alike = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int k = 0; k < others.size(); k++) {
            if (k == j || others.outcomes.get(k).isEmpty()) {
                continue;
            }
            int partner = k;
            boolean hiddenToo = standardsHidden.stream().anyMatch(s -> others.counted[partner][s] > 0
                    && !SmallNumbers.shareShown(others.met[partner][s], others.counted[partner][s]));
            (hiddenToo ? alike : rest).add(k);
        }
        alike.addAll(rest);
        return alike;
    }

    /** Each of k's outcomes, moved towards j. */
    List<Transfer> towards(int k) {
        List<Transfer> kinds = new ArrayList<>();
        for (Outcome o : others.outcomes.get(k)) {
            kinds.add(new Transfer(o, true));
        }
        return kinds;
    }

    /**
     * Records of j taking another outcome seen in the cycle that differs only in standards whose
     * national figure is withheld: no sum the reader knows changes.
     */
    List<Transfer> relabels(int j) {
        int standards = others.standards.size();
        List<Transfer> relabels = new ArrayList<>();
        for (Outcome from : others.outcomes.get(j)) {
            for (Outcome to : seenOutcomes()) {
                if (!sameCounts(from, to) && sameWhereShown(from, to)) {
                    int[] metChange = new int[standards];
                    int[] countedChange = new int[standards];
                    for (int s = 0; s < standards; s++) {
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
            for (List<Outcome> ofOrganisation : others.outcomes) {
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

    /** One record of an outcome moved to organisation j from the other, or from j to the other. */
    record Transfer(Outcome outcome, boolean toJ) {
    }
}
