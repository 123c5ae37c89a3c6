package org.qipflow.membership;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.qipflow.common.Choice;

/** The kinds of provider that may be members. */
public enum OrganisationType implements Choice {
    NHS_TRUST("NHS trust"),
    HEALTH_BOARD("Health board"),
    INDEPENDENT("Independent provider");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    static Optional<OrganisationType> parse(String text) {
        return Arrays.stream(values()).filter(t -> Nation.Names.matches(text, t.name(), t.label)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(OrganisationType::label).collect(Collectors.joining(", "));
    }
}
