package org.qipflow.definitions;

import org.qipflow.common.Choice;

/** One answer of a choice field: the value stored and uploaded, and the label people read. */
public record Option(String value, String label) implements Choice {

    /** The value, as a form sends it. */
    @Override
    public String name() {
        return value;
    }
}
