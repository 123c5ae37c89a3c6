package org.qipflow.membership;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.qipflow.common.Choice;

/** The nations whose specialist mental-health providers may join. */
public enum Nation implements Choice {
    ENGLAND("England"),
    SCOTLAND("Scotland"),
    WALES("Wales"),
    NORTHERN_IRELAND("Northern Ireland"),
    IRELAND("Ireland");

    private final String label;

    Nation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Accepts the constant ({@code NORTHERN_IRELAND}) or the label in any case ({@code northern ireland}). */
    static Optional<Nation> parse(String text) {
        return Arrays.stream(values()).filter(n -> Names.matches(text, n.name(), n.label)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(Nation::label).collect(Collectors.joining(", "));
    }

    /** Lenient matching of enum names and labels, shared by the organisation enums. */
    static final class Names {
        private Names() {
        }

        static boolean matches(String text, String constant, String label) {
            if (text == null) {
                return false;
            }
            String normalised = text.trim().replace('_', ' ').toLowerCase(Locale.ROOT);
            return normalised.equals(constant.replace('_', ' ').toLowerCase(Locale.ROOT))
                    || normalised.equals(label.toLowerCase(Locale.ROOT));
        }
    }
}
