package org.qipflow.definitions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a later version of a definition keeps the standards of an earlier one, as a re-audit must:
 * every standard still there, counting the same records against the same target, over questions that
 * still accept the same answers. A new version may add questions, standards and answers, and reword
 * a standard's text; anything else would make the change over rounds measure the definition instead
 * of the care.
 */
public final class SameStandards {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SameStandards() {
    }

    /** One sentence per standard whose meaning changed, naming it; empty when every standard is kept. */
    public static List<String> changes(AuditDefinition earlier, AuditDefinition later) {
        List<String> changes = new ArrayList<>();
        for (Standard before : earlier.standards()) {
            String name = before.id() + " (" + before.text() + ")";
            Optional<Standard> found = later.standards().stream().filter(s -> s.id().equals(before.id())).findFirst();
            if (found.isEmpty()) {
                changes.add(name + " is missing from version " + later.version());
                continue;
            }
            Standard after = found.get();
            if (!same(before.appliesTo(), after.appliesTo())) {
                changes.add(name + " applies to different records in version " + later.version());
            } else if (!same(before.meets(), after.meets())) {
                changes.add(name + " is met by different records in version " + later.version());
            } else if (!Objects.equals(before.target(), after.target())) {
                changes.add(name + " has the target " + percent(after.target()) + " in version " + later.version()
                        + " instead of " + percent(before.target()));
            } else {
                questionChanged(earlier, later, before).ifPresent(q -> changes.add(name + " rests on the question '"
                        + q + "', whose answers change in version " + later.version()));
            }
        }
        return changes;
    }

    /** The label of the first question the standard reads that no longer takes the same answers. */
    private static Optional<String> questionChanged(AuditDefinition earlier, AuditDefinition later, Standard standard) {
        for (String name : namesIn(standard)) {
            Optional<Field> before = earlier.field(name);
            if (before.isEmpty()) {
                continue;
            }
            Optional<Field> after = later.field(name);
            if (after.isEmpty() || !sameAnswers(before.get(), after.get())) {
                return Optional.of(before.get().label());
            }
        }
        return Optional.empty();
    }

    private static boolean sameAnswers(Field before, Field after) {
        return before.type() == after.type() && same(before.when(), after.when())
                && compare(before.min(), after.min()) && compare(before.max(), after.max())
                && before.options().stream().allMatch(o -> after.hasOption(o.value()));
    }

    private static Set<String> namesIn(Standard standard) {
        Set<String> names = new TreeSet<>();
        for (Feel.Expression expression : new Feel.Expression[] {standard.appliesTo(), standard.meets()}) {
            if (expression != null) {
                Matcher matcher = NAME.matcher(expression.source());
                while (matcher.find()) {
                    names.add(matcher.group());
                }
            }
        }
        return names;
    }

    private static boolean same(Feel.Expression a, Feel.Expression b) {
        return Objects.equals(a == null ? null : normalised(a.source()), b == null ? null : normalised(b.source()));
    }

    private static String normalised(String source) {
        return source.strip().replaceAll("\\s+", " ");
    }

    private static boolean compare(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String percent(Integer target) {
        return target == null ? "none" : target + "%";
    }
}
