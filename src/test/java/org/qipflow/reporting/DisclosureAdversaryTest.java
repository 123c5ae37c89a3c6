package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;
import org.qipflow.definitions.Standard;

/**
 * A lead as an adversary. It knows its own exact counts and how reports are made, and is shown its
 * report: the rows every format of it is drawn from (own, national, every other organisation by code,
 * funnel positions, the trend; {@code ReportFiguresTest} checks each format shows what the rows hold).
 * For generated cycles of 2, 3 and 10 organisations with counts at the edges (0, 1, 7, 8, and records
 * either side of a multiple of 5, so that sums round across one), this enumerates every set of the
 * other organisations' exact counts that would show the lead exactly the same report, and checks that
 * each count hidden from it can still take at least three values.
 *
 * <p>Two standards tie each organisation's counts together, in the two ways audits' standards do:
 * counted over the same records (each record counts in both), or nested (the second counted only over
 * the records not meeting the first, as a high-dose check is). A world must respect the tie. Sums are
 * searched exactly, by the sets of partial sums that can still reach what the national figures say;
 * each value found is then confirmed by building a whole world with it and checking that its report,
 * withholding decisions included, is the same.
 */
class DisclosureAdversaryTest {

    private static final String READER = "R";
    private static final List<Standard> STANDARDS = List.of(
            new Standard("S1", "Dose within BNF limits", "NICE", null, null, 100),
            new Standard("S2", "Monitoring where above them", "NICE", null, null, 100));
    /** Records either side of 0, 7 | 8 and multiples of 5, and meeting counts at their own edges. */
    private static final int[] RECORDS = {0, 1, 2, 5, 7, 8, 9, 10, 12, 13, 17, 18, 22, 23};
    private static final int MOST_RECORDS = 26;
    private static final int ATTEMPTS = 20;

    /** How the two standards' counts are tied: {records, meeting S1, meeting S2} as figures and records. */
    enum Tie {
        /** Both counted over every record. */
        SAME_RECORDS,
        /** S2 counted only over the records not meeting S1. */
        NESTED;

        int countedInS2(int[] o) {
            return this == SAME_RECORDS ? o[0] : o[0] - o[1];
        }

        /** What each national figure shown fixes of the others' sums, over {records, S1 met, S2 met}. */
        List<int[]> fixedBy(int standard) {
            return standard == 0 ? List.of(new int[] {1, 0, 0}, new int[] {0, 1, 0})
                    : List.of(this == SAME_RECORDS ? new int[] {1, 0, 0} : new int[] {1, -1, 0}, new int[] {0, 0, 1});
        }

        /** The records behind the counts, by outcome. */
        Map<String, Integer> outcomes(int[] o) {
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            if (this == SAME_RECORDS) {
                int both = Math.min(o[1], o[2]);
                put(outcomes, "S1:y,S2:y", both);
                put(outcomes, "S1:y,S2:n", o[1] - both);
                put(outcomes, "S1:n,S2:y", o[2] - both);
                put(outcomes, "S1:n,S2:n", o[0] - o[1] - o[2] + both);
            } else {
                put(outcomes, "S1:y,S2:-", o[1]);
                put(outcomes, "S1:n,S2:y", o[2]);
                put(outcomes, "S1:n,S2:n", o[0] - o[1] - o[2]);
            }
            return outcomes;
        }

        private static void put(Map<String, Integer> outcomes, String outcome, int records) {
            if (records > 0) {
                outcomes.put(outcome, records);
            }
        }
    }

    /** Which national figures the reader is shown, given the whole world. */
    interface Withholding {
        Set<String> of(List<int[]> world, Tie tie);
    }

    /** The report the lead is shown, with the national figures withheld as the product decides. */
    private static final Withholding AS_BUILT = (world, tie) -> SecondarySuppression.withheld(figures(world, tie),
            outcomes(world, tie), READER);
    /** As before secondary suppression: every national figure shown. */
    private static final Withholding ALWAYS_SHOWN = (world, tie) -> Set.of();
    /** No national figure at all: what the other organisations' own figures give away. */
    private static final Withholding NEVER_SHOWN = (world, tie) -> Set.of("S1", "S2");

    @Test
    void twoOrganisations() {
        assertNothingNarrowed(2, 100, 11, Tie.SAME_RECORDS);
        assertNothingNarrowed(2, 100, 21, Tie.NESTED);
    }

    @Test
    void threeOrganisations() {
        assertNothingNarrowed(3, 100, 12, Tie.SAME_RECORDS);
        assertNothingNarrowed(3, 100, 22, Tie.NESTED);
    }

    @Test
    void tenOrganisations() {
        assertNothingNarrowed(10, 15, 13, Tie.SAME_RECORDS);
        assertNothingNarrowed(10, 15, 23, Tie.NESTED);
    }

    @Test
    void tenOrganisationsWithOneSmallOneAtTheBottomOfEveryOthersRounding() {
        // B has 1 record; the others 8 or 13, the least that round to 10 and 15: national minus own says B has 1
        List<int[]> world = new ArrayList<>(List.of(new int[] {20, 10, 12}, new int[] {1, 1, 0}));
        for (int i = 0; i < 8; i++) {
            world.add(i % 2 == 0 ? new int[] {8, 0, 8} : new int[] {13, 13, 0});
        }
        assertThat(narrowed(world, Tie.SAME_RECORDS, ALWAYS_SHOWN)).as("without secondary suppression").isNotEmpty();
        assertThat(narrowed(world, Tie.SAME_RECORDS, AS_BUILT)).isEmpty();
    }

    @Test
    void standardsNestedInOneAnotherGiveAwayNothingTogether() {
        // S2 is counted over the records not meeting S1. B and C: 10 of 19 meet S1, written "20 records, 53%",
        // which only 10 of 19 gives; so national minus own tells A's S1 counts (17 of 20: share hidden) and,
        // through the tie, A's S2 records (3, shown *) exactly
        List<int[]> world = List.of(new int[] {40, 20, 10}, new int[] {20, 17, 1}, new int[] {19, 10, 5},
                new int[] {19, 10, 5});
        assertThat(narrowed(world, Tie.NESTED, ALWAYS_SHOWN)).anyMatch(n -> n.startsWith("B S2 records"))
                .anyMatch(n -> n.startsWith("B S1 meeting"));
        assertThat(narrowed(world, Tie.NESTED, AS_BUILT)).isEmpty();
    }

    @Test
    void theAdversaryFindsWhatSubtractionGaveAwayBefore() {
        // national records minus own leave 9 for B (shown *) and C (shown 10, so 8 to 12): B has 1
        List<int[]> world = List.of(new int[] {10, 5, 5}, new int[] {1, 1, 0}, new int[] {8, 4, 4});
        assertThat(narrowed(world, Tie.SAME_RECORDS, ALWAYS_SHOWN)).isNotEmpty();
        assertThat(narrowed(world, Tie.SAME_RECORDS, AS_BUILT)).isEmpty();
        Random random = new Random(5);
        int found = 0;
        for (int i = 0; i < 40; i++) {
            found += narrowed(generate(random, 3, Tie.SAME_RECORDS), Tie.SAME_RECORDS, ALWAYS_SHOWN).isEmpty() ? 0 : 1;
        }
        assertThat(found).as("cycles of 3 in which subtraction narrows a hidden count, national always shown")
                .isGreaterThan(10);
    }

    /**
     * Nothing the national figures add lets subtraction narrow a hidden count. With standards over the
     * same records the other organisations' figures alone narrow none either. With nested ones they can
     * on their own, whatever the national figures (a records count and the count of the standard it is
     * nested in, each rounded, can leave one hidden count two values): those are counted, and the
     * national figures shown must narrow nothing more.
     */
    private static void assertNothingNarrowed(int organisations, int cycles, long seed, Tie tie) {
        Random random = new Random(seed);
        int withheld = 0;
        for (int c = 0; c < cycles; c++) {
            List<int[]> world = generate(random, organisations, tie);
            List<String> byOthersAlone = names(narrowed(world, tie, NEVER_SHOWN));
            if (tie == Tie.SAME_RECORDS) {
                assertThat(byOthersAlone).as("%s cycle %s, others' figures alone", tie, describe(world)).isEmpty();
            }
            assertThat(names(narrowed(world, tie, AS_BUILT))).as("%s cycle %s", tie, describe(world))
                    .isSubsetOf(byOthersAlone);
            withheld += AS_BUILT.of(world, tie).isEmpty() ? 0 : 1;
        }
        if (organisations == 10 && tie == Tie.SAME_RECORDS) {
            assertThat(withheld).as("with ten organisations most national figures are shown").isLessThan(cycles / 2);
        }
    }

    /** "C S1 meeting", without the values found and the world. */
    private static List<String> names(List<String> narrowed) {
        return narrowed.stream().map(n -> n.substring(0, n.indexOf(" ["))).toList();
    }

    /** The reader first, then the others: {records, meeting S1, meeting S2}, each at an edge. */
    private static List<int[]> generate(Random random, int organisations, Tie tie) {
        List<int[]> world = new ArrayList<>();
        for (int i = 0; i < organisations; i++) {
            int records = RECORDS[random.nextInt(RECORDS.length)];
            int metS1 = edge(random, records);
            world.add(new int[] {records, metS1, edge(random, tie.countedInS2(new int[] {records, metS1, 0}))});
        }
        return world;
    }

    private static int edge(Random random, int records) {
        int[] choices = {0, 1, 7, 8, records / 2, records - 1, records - 7, records - 8, records};
        int pick = choices[random.nextInt(choices.length)];
        return Math.max(0, Math.min(records, pick));
    }

    /**
     * The hidden counts of other organisations that fewer than three worlds showing the same report
     * can tell apart, as "B records", "C S1 meeting" and so on.
     */
    static List<String> narrowed(List<int[]> world, Tie tie, Withholding withholding) {
        Adversary adversary = new Adversary(world, tie, withholding);
        List<String> narrowed = new ArrayList<>();
        for (int j = 1; j < world.size(); j++) {
            narrowed.addAll(adversary.narrowedCountsOf(j));
        }
        return narrowed;
    }

    private static String describe(List<int[]> world) {
        return world.stream().map(o -> o[0] + ":" + o[1] + "/" + o[2]).toList().toString();
    }

    static String code(int i) {
        return i == 0 ? READER : String.valueOf((char) ('A' + i));
    }

    static List<ResultFigure> figures(List<int[]> world, Tie tie) {
        List<ResultFigure> figures = new ArrayList<>();
        int[] national = new int[4];
        for (int i = 0; i < world.size(); i++) {
            int[] o = world.get(i);
            figures.add(new ResultFigure(Scope.ORGANISATION, code(i), null, "S1", o[1], o[0]));
            figures.add(new ResultFigure(Scope.ORGANISATION, code(i), null, "S2", o[2], tie.countedInS2(o)));
            national[0] += o[0];
            national[1] += o[1];
            national[2] += o[2];
            national[3] += tie.countedInS2(o);
        }
        figures.add(0, new ResultFigure(Scope.NATIONAL, null, null, "S1", national[1], national[0]));
        figures.add(1, new ResultFigure(Scope.NATIONAL, null, null, "S2", national[2], national[3]));
        return figures;
    }

    static Map<String, Map<String, Integer>> outcomes(List<int[]> world, Tie tie) {
        Map<String, Map<String, Integer>> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < world.size(); i++) {
            outcomes.put(code(i), tie.outcomes(world.get(i)));
        }
        return outcomes;
    }

    /** Everything about the figures the reader is shown, in every format. */
    static List<StandardRow> view(List<int[]> world, Tie tie, Withholding withholding) {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (int i = 0; i < world.size(); i++) {
            aliases.put(code(i), "Organisation " + code(i));
        }
        List<ResultFigure> figures = figures(world, tie);
        return Reports.rows(STANDARDS, aliases, READER,
                new Reports.Round(1, "Baseline audit (round 1)", figures, withholding.of(world, tie)), List.of());
    }

    /** What one reader can work out from its report. */
    private static final class Adversary {

        private final List<int[]> world;
        private final Tie tie;
        private final Withholding withholding;
        private final List<StandardRow> seen;
        /** The sums the national figures shown fix, as weights over {records, S1 met, S2 met}, and their values. */
        private final List<int[]> fixed = new ArrayList<>();
        private final List<Integer> target = new ArrayList<>();
        /** Each other organisation's counts that look, on their own, as it is shown. */
        private final List<List<int[]>> candidates = new ArrayList<>();
        /** reach.get(i): sums of organisations 1..i that are possible; complete.get(i): those that i+1.. can finish. */
        private final List<Sums> reach = new ArrayList<>();
        private final List<Sums> complete = new ArrayList<>();
        private final Random random = new Random(1);

        Adversary(List<int[]> world, Tie tie, Withholding withholding) {
            this.world = world;
            this.tie = tie;
            this.withholding = withholding;
            this.seen = view(world, tie, withholding);
            int[] everyone = new int[3];
            world.forEach(o -> {
                for (int k = 0; k < 3; k++) {
                    everyone[k] += o[k];
                }
            });
            for (int s = 0; s < 2; s++) {
                if (seen.get(s).national() != null) {
                    for (int[] weights : tie.fixedBy(s)) {
                        if (independent(weights)) {
                            fixed.add(weights);
                            target.add(apply(weights, everyone) - apply(weights, world.get(0)));
                        }
                    }
                }
            }
            for (int i = 1; i < world.size(); i++) {
                candidates.add(lookAlikes(i));
            }
            Sums start = new Sums();
            start.add(new int[fixed.size()]);
            reach.add(start);
            for (List<int[]> options : candidates) {
                Sums next = new Sums();
                reach.get(reach.size() - 1).forEach(sum -> options.forEach(option -> next.add(add(sum, f(option)))));
                reach.add(next);
            }
            List<Sums> backwards = new ArrayList<>();
            Sums end = new Sums();
            end.add(target.stream().mapToInt(Integer::intValue).toArray());
            backwards.add(end);
            for (int i = candidates.size() - 1; i >= 0; i--) {
                Sums previous = new Sums();
                List<int[]> options = candidates.get(i);
                backwards.get(backwards.size() - 1).forEach(sum -> options.forEach(
                        option -> previous.add(subtract(sum, f(option)))));
                backwards.add(previous);
            }
            for (int i = backwards.size() - 1; i >= 0; i--) {
                complete.add(backwards.get(i));
            }
        }

        /** Whether these weights add a sum the ones kept do not already fix (a 3-by-3 rank test). */
        private boolean independent(int[] w) {
            if (fixed.isEmpty()) {
                return true;
            }
            if (fixed.size() == 1) {
                int[] a = fixed.get(0);
                return a[1] * w[2] - a[2] * w[1] != 0 || a[2] * w[0] - a[0] * w[2] != 0 || a[0] * w[1] - a[1] * w[0] != 0;
            }
            if (fixed.size() == 2) {
                int[] a = fixed.get(0);
                int[] b = fixed.get(1);
                return a[0] * (b[1] * w[2] - b[2] * w[1]) - a[1] * (b[0] * w[2] - b[2] * w[0])
                        + a[2] * (b[0] * w[1] - b[1] * w[0]) != 0;
            }
            return false;
        }

        private static int apply(int[] weights, int[] o) {
            return weights[0] * o[0] + weights[1] * o[1] + weights[2] * o[2];
        }

        /** An organisation's contribution to each fixed sum. */
        private int[] f(int[] o) {
            int[] values = new int[fixed.size()];
            for (int k = 0; k < fixed.size(); k++) {
                values[k] = apply(fixed.get(k), o);
            }
            return values;
        }

        /** A set of partial sums, each within what the national figures say. */
        private final class Sums {

            private final BitSet set = new BitSet();

            private int index(int[] sum) {
                int index = 0;
                for (int k = 0; k < fixed.size(); k++) {
                    if (sum[k] < 0 || sum[k] > target.get(k)) {
                        return -1;
                    }
                    index = index * (target.get(k) + 1) + sum[k];
                }
                return index;
            }

            void add(int[] sum) {
                int index = index(sum);
                if (index >= 0) {
                    set.set(index);
                }
            }

            boolean contains(int[] sum) {
                int index = index(sum);
                return index >= 0 && set.get(index);
            }

            void forEach(Consumer<int[]> action) {
                for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
                    int rest = i;
                    int[] sum = new int[fixed.size()];
                    for (int k = fixed.size() - 1; k >= 0; k--) {
                        sum[k] = rest % (target.get(k) + 1);
                        rest /= target.get(k) + 1;
                    }
                    action.accept(sum);
                }
            }
        }

        /** The counts of organisation j hidden from the reader that take fewer than three values. */
        List<String> narrowedCountsOf(int j) {
            Map<String, ToIntFunction<int[]>> hidden = hiddenCountsOf(world.get(j));
            if (hidden.isEmpty()) {
                return List.of();
            }
            List<int[]> possible = confirmedWorldsFor(j, hidden.values());
            List<String> narrowed = new ArrayList<>();
            hidden.forEach((name, count) -> {
                if (distinct(possible, count) < 3) {
                    narrowed.add(code(j) + " " + name + " " + values(possible, count) + " in " + describe(world));
                }
            });
            return narrowed;
        }

        /**
         * What of an organisation is hidden, standard by standard: its records where shown as "*", and
         * where its share is hidden, its records meeting the standard and not meeting it.
         */
        private Map<String, ToIntFunction<int[]>> hiddenCountsOf(int[] exact) {
            Map<String, ToIntFunction<int[]>> hidden = new LinkedHashMap<>();
            List<ToIntFunction<int[]>> counted = List.of(o -> o[0], tie::countedInS2);
            for (int s = 0; s < 2; s++) {
                ToIntFunction<int[]> records = counted.get(s);
                int standard = s + 1;
                int of = records.applyAsInt(exact);
                if (SmallNumbers.small(of)) {
                    hidden.put("S" + standard + " records", records);
                }
                if (of > 0 && !SmallNumbers.shareShown(exact[standard], of)) {
                    hidden.put("S" + standard + " meeting", o -> o[standard]);
                    // zeros are shown, as NHS England's rule shows them: a nested standard counted over no
                    // records says, by design, that none fell short of the standard it is nested in
                    if (!(s == 0 && tie == Tie.NESTED && tie.countedInS2(exact) == 0)) {
                        hidden.put("S" + standard + " not meeting", o -> records.applyAsInt(o) - o[standard]);
                    }
                }
            }
            return hidden;
        }

        /**
         * Counts of organisation j in worlds that show the reader the same report, tried in a random
         * order until every hidden count has been seen to take three values, or every option is tried.
         */
        private List<int[]> confirmedWorldsFor(int j, Collection<ToIntFunction<int[]>> hidden) {
            List<int[]> options = new ArrayList<>(candidates.get(j - 1));
            Collections.shuffle(options, random);
            List<int[]> confirmed = new ArrayList<>();
            for (int[] option : options) {
                if (hidden.stream().allMatch(count -> distinct(confirmed, count) >= 3)) {
                    break;
                }
                boolean adds = hidden.stream().anyMatch(count -> !values(confirmed, count).contains(count.applyAsInt(option)));
                if (adds && !starts(j, option).isEmpty() && confirm(j, option)) {
                    confirmed.add(option);
                }
            }
            return confirmed;
        }

        /** The sums of organisations 1..j-1 from which j at these counts can still finish at the national figures. */
        private List<int[]> starts(int j, int[] option) {
            List<int[]> starts = new ArrayList<>();
            reach.get(j - 1).forEach(before -> {
                if (complete.get(j).contains(add(before, f(option)))) {
                    starts.add(before);
                }
            });
            return starts;
        }

        /**
         * Looks for a world with j at these counts that shows the reader the same report, withholding
         * included: first the nearest, with j changed and one other making up the sums the national
         * figures fix, then others drawn at random to fit the sums.
         */
        private boolean confirm(int j, int[] option) {
            int[] change = subtract(f(option), f(world.get(j)));
            if (isZero(change) && looksSame(replaced(j, option, -1, null))) {
                return true;
            }
            for (int k = 1; k < world.size() && !isZero(change); k++) {
                if (k == j) {
                    continue;
                }
                int[] needed = subtract(f(world.get(k)), change);
                for (int[] o : candidates.get(k - 1)) {
                    if (Arrays.equals(f(o), needed) && looksSame(replaced(j, option, k, o))) {
                        return true;
                    }
                }
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                List<int[]> candidate = build(j, option);
                if (candidate != null && looksSame(candidate)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isZero(int[] values) {
            return Arrays.stream(values).allMatch(v -> v == 0);
        }

        private boolean looksSame(List<int[]> candidate) {
            return view(candidate, tie, withholding).equals(seen);
        }

        /** The world with j at these counts and, unless k is -1, k at those. */
        private List<int[]> replaced(int j, int[] option, int k, int[] other) {
            List<int[]> replaced = new ArrayList<>(world);
            replaced.set(j, option);
            if (k >= 0) {
                replaced.set(k, other);
            }
            return replaced;
        }

        private List<int[]> build(int j, int[] option) {
            List<int[]> starts = starts(j, option);
            if (starts.isEmpty()) {
                return null;
            }
            int[][] chosen = new int[world.size()][];
            chosen[0] = world.get(0);
            chosen[j] = option;
            int[] sum = starts.get(random.nextInt(starts.size()));
            for (int i = j - 1; i >= 1; i--) { // back through those before j, each leaving a sum that was reachable
                List<int[]> fits = new ArrayList<>();
                for (int[] o : candidates.get(i - 1)) {
                    if (reach.get(i - 1).contains(subtract(sum, f(o)))) {
                        fits.add(o);
                    }
                }
                chosen[i] = fits.get(random.nextInt(fits.size()));
                sum = subtract(sum, f(chosen[i]));
            }
            sum = add(starts.isEmpty() ? new int[fixed.size()] : sumOf(chosen, 1, j), f(option));
            for (int i = j + 1; i < world.size(); i++) { // on through those after j, each leaving a sum that can finish
                List<int[]> fits = new ArrayList<>();
                for (int[] o : candidates.get(i - 1)) {
                    if (complete.get(i).contains(add(sum, f(o)))) {
                        fits.add(o);
                    }
                }
                chosen[i] = fits.get(random.nextInt(fits.size()));
                sum = add(sum, f(chosen[i]));
            }
            return List.of(chosen);
        }

        private int[] sumOf(int[][] chosen, int from, int to) {
            int[] sum = new int[fixed.size()];
            for (int i = from; i < to; i++) {
                sum = add(sum, f(chosen[i]));
            }
            return sum;
        }

        /** Every {records, S1 met, S2 met} of organisation i that, on its own, is shown as it is. */
        private List<int[]> lookAlikes(int i) {
            List<int[]> alike = new ArrayList<>();
            int[] exact = world.get(i);
            for (int records = 0; records <= MOST_RECORDS; records++) {
                for (int a = 0; a <= records; a++) {
                    if (!shownAlike(0, a, records, exact[1], exact[0])) {
                        continue;
                    }
                    int[] partial = {records, a, 0};
                    int countedS2 = tie.countedInS2(partial);
                    for (int b = 0; b <= countedS2; b++) {
                        if (shownAlike(1, b, countedS2, exact[2], tie.countedInS2(exact))) {
                            alike.add(new int[] {records, a, b});
                        }
                    }
                }
            }
            return alike;
        }

        private boolean shownAlike(int s, int met, int of, int exactMet, int exactOf) {
            OrganisationReport.Exact national = seen.get(s).national();
            return Reports.other("", new OrganisationReport.Exact(met, of), national)
                    .equals(Reports.other("", new OrganisationReport.Exact(exactMet, exactOf), national));
        }

        private static int[] add(int[] a, int[] b) {
            int[] sum = new int[a.length];
            for (int k = 0; k < a.length; k++) {
                sum[k] = a[k] + b[k];
            }
            return sum;
        }

        private static int[] subtract(int[] a, int[] b) {
            int[] difference = new int[a.length];
            for (int k = 0; k < a.length; k++) {
                difference[k] = a[k] - b[k];
            }
            return difference;
        }

        private static int distinct(List<int[]> options, ToIntFunction<int[]> count) {
            return values(options, count).size();
        }

        private static Set<Integer> values(List<int[]> options, ToIntFunction<int[]> count) {
            Set<Integer> values = new TreeSet<>();
            options.forEach(o -> values.add(count.applyAsInt(o)));
            return values;
        }
    }
}
