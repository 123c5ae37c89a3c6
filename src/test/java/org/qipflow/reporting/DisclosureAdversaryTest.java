package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
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
 * <p>Two standards share their records (each record is counted in both), as most audits' standards
 * do, so a world must move both at once. Sums are searched exactly, by the sets of partial sums that
 * can still reach what the national figure says; each value found is then confirmed by building a whole
 * world with it and checking that its report, withholding decisions included, is the same.
 */
class DisclosureAdversaryTest {

    private static final String READER = "R";
    private static final List<Standard> STANDARDS = List.of(
            new Standard("S1", "Serum level measured", "NICE", null, null, 100),
            new Standard("S2", "Renal function measured", "NICE", null, null, 100));
    /** Records either side of 0, 7 | 8 and multiples of 5, and meeting counts at their own edges. */
    private static final int[] RECORDS = {0, 1, 2, 5, 7, 8, 9, 10, 12, 13, 17, 18, 22, 23};
    private static final int MOST_RECORDS = 26;
    private static final int ATTEMPTS = 40;

    /** The report the lead is shown, with the national figures withheld as the product decides. */
    private static final BiFunction<List<ResultFigure>, String, Set<String>> AS_BUILT = SecondarySuppression::withheld;
    /** As before secondary suppression: every national figure shown. */
    private static final BiFunction<List<ResultFigure>, String, Set<String>> ALWAYS_SHOWN = (f, r) -> Set.of();

    @Test
    void twoOrganisations() {
        assertNothingNarrowed(2, 100, 11);
    }

    @Test
    void threeOrganisations() {
        assertNothingNarrowed(3, 100, 12);
    }

    @Test
    void tenOrganisations() {
        assertNothingNarrowed(10, 30, 13);
    }

    @Test
    void tenOrganisationsWithOneSmallOneAtTheBottomOfEveryOthersRounding() {
        // B has 1 record; the others 8 or 13, the least that round to 10 and 15: national minus own says B has 1
        List<int[]> world = new ArrayList<>(List.of(new int[] {20, 10, 12}, new int[] {1, 1, 0}));
        for (int i = 0; i < 8; i++) {
            world.add(i % 2 == 0 ? new int[] {8, 0, 8} : new int[] {13, 13, 0});
        }
        assertThat(narrowed(world, ALWAYS_SHOWN)).as("without secondary suppression").isNotEmpty();
        assertThat(narrowed(world, AS_BUILT)).isEmpty();
    }

    @Test
    void theAdversaryFindsWhatSubtractionGaveAwayBefore() {
        // national records minus own leave 9 for B (shown *) and C (shown 10, so 8 to 12): B has 1
        List<int[]> world = List.of(new int[] {10, 5, 5}, new int[] {1, 1, 0}, new int[] {8, 4, 4});
        assertThat(narrowed(world, ALWAYS_SHOWN)).isNotEmpty();
        assertThat(narrowed(world, AS_BUILT)).isEmpty();
        Random random = new Random(5);
        int found = 0;
        for (int i = 0; i < 40; i++) {
            found += narrowed(generate(random, 3), ALWAYS_SHOWN).isEmpty() ? 0 : 1;
        }
        assertThat(found).as("cycles of 3 in which subtraction narrows a hidden count, national always shown")
                .isGreaterThan(10);
    }

    private static void assertNothingNarrowed(int organisations, int cycles, long seed) {
        Random random = new Random(seed);
        int withheld = 0;
        for (int c = 0; c < cycles; c++) {
            List<int[]> world = generate(random, organisations);
            assertThat(narrowed(world, AS_BUILT)).as("cycle %s", describe(world)).isEmpty();
            withheld += AS_BUILT.apply(figures(world), READER).isEmpty() ? 0 : 1;
        }
        if (organisations == 10) {
            assertThat(withheld).as("with ten organisations most national figures are shown").isLessThan(cycles / 2);
        }
    }

    /** The reader first, then the others: {records, meeting S1, meeting S2}, each at an edge. */
    private static List<int[]> generate(Random random, int organisations) {
        List<int[]> world = new ArrayList<>();
        for (int i = 0; i < organisations; i++) {
            int records = RECORDS[random.nextInt(RECORDS.length)];
            world.add(new int[] {records, edge(random, records), edge(random, records)});
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
    static List<String> narrowed(List<int[]> world, BiFunction<List<ResultFigure>, String, Set<String>> withholding) {
        Adversary adversary = new Adversary(world, withholding);
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

    static List<ResultFigure> figures(List<int[]> world) {
        List<ResultFigure> figures = new ArrayList<>();
        int[] national = new int[3];
        for (int i = 0; i < world.size(); i++) {
            int[] o = world.get(i);
            figures.add(new ResultFigure(Scope.ORGANISATION, code(i), null, "S1", o[1], o[0]));
            figures.add(new ResultFigure(Scope.ORGANISATION, code(i), null, "S2", o[2], o[0]));
            for (int k = 0; k < 3; k++) {
                national[k] += o[k];
            }
        }
        figures.add(0, new ResultFigure(Scope.NATIONAL, null, null, "S1", national[1], national[0]));
        figures.add(1, new ResultFigure(Scope.NATIONAL, null, null, "S2", national[2], national[0]));
        return figures;
    }

    /** Everything about the figures the reader is shown, in every format. */
    static List<OrganisationReport.StandardRow> view(List<int[]> world,
            BiFunction<List<ResultFigure>, String, Set<String>> withholding) {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (int i = 0; i < world.size(); i++) {
            aliases.put(code(i), "Organisation " + code(i));
        }
        List<ResultFigure> figures = figures(world);
        return Reports.rows(STANDARDS, aliases, READER,
                new Reports.Round(1, "Baseline audit (round 1)", figures, withholding.apply(figures, READER)), List.of());
    }

    /** What one reader can work out from its report. */
    private static final class Adversary {

        private final List<int[]> world;
        private final BiFunction<List<ResultFigure>, String, Set<String>> withholding;
        private final List<OrganisationReport.StandardRow> seen;
        /** Which of records, S1 meeting and S2 meeting the national figures shown fix the sum of. */
        private final boolean[] fixed = new boolean[3];
        private final int[] target = new int[3];
        /** Each other organisation's counts that look, on their own, as it is shown. */
        private final List<List<int[]>> candidates = new ArrayList<>();
        /** reach.get(i): sums of organisations 1..i that are possible; complete.get(i): those that i+1.. can finish. */
        private final List<Sums> reach = new ArrayList<>();
        private final List<Sums> complete = new ArrayList<>();
        private final Random random = new Random(1);

        Adversary(List<int[]> world, BiFunction<List<ResultFigure>, String, Set<String>> withholding) {
            this.world = world;
            this.withholding = withholding;
            this.seen = view(world, withholding);
            for (int s = 0; s < 2; s++) {
                OrganisationReport.Exact national = seen.get(s).national();
                if (national != null) {
                    fixed[0] = true;
                    fixed[s + 1] = true;
                    target[0] = national.denominator() - world.get(0)[0];
                    target[s + 1] = national.numerator() - world.get(0)[s + 1];
                }
            }
            for (int i = 1; i < world.size(); i++) {
                candidates.add(lookAlikes(i));
            }
            Sums start = new Sums();
            start.add(new int[3]);
            reach.add(start);
            for (List<int[]> options : candidates) {
                Sums next = new Sums();
                reach.get(reach.size() - 1).forEach(sum -> options.forEach(option -> next.add(add(sum, option))));
                reach.add(next);
            }
            List<Sums> backwards = new ArrayList<>();
            Sums end = new Sums();
            end.add(target);
            backwards.add(end);
            for (int i = candidates.size() - 1; i >= 0; i--) {
                Sums previous = new Sums();
                List<int[]> options = candidates.get(i);
                backwards.get(backwards.size() - 1).forEach(sum -> options.forEach(option -> previous.add(subtract(sum, option))));
                backwards.add(previous);
            }
            for (int i = backwards.size() - 1; i >= 0; i--) {
                complete.add(backwards.get(i));
            }
        }

        /**
         * A set of partial sums of records, S1 meeting and S2 meeting, counting only those a national figure
         * shown fixes (the others are always 0 here) and only those within what the national figures say.
         */
        private final class Sums {

            private final BitSet set = new BitSet();

            private int index(int[] sum) {
                int index = 0;
                for (int k = 0; k < 3; k++) {
                    int value = fixed[k] ? sum[k] : 0;
                    if (value < 0 || value > target[k]) {
                        return -1;
                    }
                    index = index * (target[k] + 1) + value;
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

            void forEach(java.util.function.Consumer<int[]> action) {
                for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
                    int rest = i;
                    int[] sum = new int[3];
                    for (int k = 2; k >= 0; k--) {
                        sum[k] = rest % (target[k] + 1);
                        rest /= target[k] + 1;
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
         * What of an organisation is hidden: its records where shown as "*", and for each standard whose
         * share is hidden, its records meeting it and not meeting it.
         */
        private static Map<String, ToIntFunction<int[]>> hiddenCountsOf(int[] exact) {
            Map<String, ToIntFunction<int[]>> hidden = new LinkedHashMap<>();
            if (SmallNumbers.small(exact[0])) {
                hidden.put("records", o -> o[0]);
            }
            for (int s = 1; s <= 2; s++) {
                int standard = s;
                if (exact[0] > 0 && !SmallNumbers.shareShown(exact[s], exact[0])) {
                    hidden.put("S" + s + " meeting", o -> o[standard]);
                    hidden.put("S" + s + " not meeting", o -> o[0] - o[standard]);
                }
            }
            return hidden;
        }

        /**
         * Counts of organisation j in worlds that show the reader the same report, tried in a random
         * order until every hidden count has been seen to take three values, or every option is tried.
         */
        private List<int[]> confirmedWorldsFor(int j, java.util.Collection<ToIntFunction<int[]>> hidden) {
            List<int[]> options = new ArrayList<>(candidates.get(j - 1));
            java.util.Collections.shuffle(options, random);
            List<int[]> confirmed = new ArrayList<>();
            for (int[] option : options) {
                if (hidden.stream().allMatch(count -> distinct(confirmed, count) >= 3)) {
                    break;
                }
                boolean adds = hidden.stream().anyMatch(count -> !values(confirmed, count).contains(count.applyAsInt(option)));
                if (adds && feasible(j, option) && confirm(j, option)) {
                    confirmed.add(option);
                }
            }
            return confirmed;
        }

        /** Whether the others' sums can still reach what the national figures say with j at these counts. */
        private boolean feasible(int j, int[] option) {
            return !starts(j, option).isEmpty();
        }

        /** The sums of organisations 1..j-1 from which j at these counts can still finish at the national figures. */
        private List<int[]> starts(int j, int[] option) {
            List<int[]> starts = new ArrayList<>();
            reach.get(j - 1).forEach(before -> {
                if (complete.get(j).contains(add(before, option))) {
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
            int[] change = subtract(option, world.get(j));
            if (!changesFixed(change) && looksSame(replaced(j, option, -1, null))) {
                return true;
            }
            for (int k = 1; k < world.size() && changesFixed(change); k++) {
                if (k == j) {
                    continue;
                }
                int[] needed = subtract(world.get(k), change);
                for (int[] o : candidates.get(k - 1)) {
                    if (!changesFixed(subtract(o, needed)) && looksSame(replaced(j, option, k, o))) {
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

        private boolean looksSame(List<int[]> candidate) {
            return view(candidate, withholding).equals(seen);
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

        private boolean changesFixed(int[] change) {
            for (int k = 0; k < 3; k++) {
                if (fixed[k] && change[k] != 0) {
                    return true;
                }
            }
            return false;
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
                    if (reach.get(i - 1).contains(subtract(sum, o))) {
                        fits.add(o);
                    }
                }
                chosen[i] = fits.get(random.nextInt(fits.size()));
                sum = subtract(sum, chosen[i]);
            }
            sum = add(sumOf(chosen, 1, j), option);
            for (int i = j + 1; i < world.size(); i++) { // on through those after j, each leaving a sum that can finish
                List<int[]> fits = new ArrayList<>();
                for (int[] o : candidates.get(i - 1)) {
                    if (complete.get(i).contains(add(sum, o))) {
                        fits.add(o);
                    }
                }
                chosen[i] = fits.get(random.nextInt(fits.size()));
                sum = add(sum, chosen[i]);
            }
            return List.of(chosen);
        }

        private static int[] sumOf(int[][] chosen, int from, int to) {
            int[] sum = new int[3];
            for (int i = from; i < to; i++) {
                sum = add(sum, chosen[i]);
            }
            return sum;
        }

        /** Every {records, S1 meeting, S2 meeting} of organisation i that, on its own, is shown as it is. */
        private List<int[]> lookAlikes(int i) {
            List<int[]> alike = new ArrayList<>();
            int[] exact = world.get(i);
            for (int records = 0; records <= MOST_RECORDS; records++) {
                List<Integer> first = meetingAlike(i, 0, exact, records);
                List<Integer> second = meetingAlike(i, 1, exact, records);
                for (int a : first) {
                    for (int b : second) {
                        alike.add(new int[] {records, a, b});
                    }
                }
            }
            return alike;
        }

        private List<Integer> meetingAlike(int i, int s, int[] exact, int records) {
            OrganisationReport.Exact national = seen.get(s).national();
            OrganisationReport.Peer shown = Reports.other("", new OrganisationReport.Exact(exact[s + 1], exact[0]), national);
            List<Integer> alike = new ArrayList<>();
            for (int met = 0; met <= records; met++) {
                if (Reports.other("", new OrganisationReport.Exact(met, records), national).equals(shown)) {
                    alike.add(met);
                }
            }
            return alike;
        }

        private static int[] add(int[] a, int[] b) {
            return new int[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
        }

        private static int[] subtract(int[] a, int[] b) {
            return new int[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
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
