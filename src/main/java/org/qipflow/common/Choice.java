package org.qipflow.common;

/**
 * One option of a form's radios, checkboxes or drop-down (see {@code fragments/fields.html}): the value
 * sent, the words shown, and an optional hint under it. The forms' enums are choices; options that are
 * data (programmes, records, audit definitions) are made with {@link #of}.
 */
public interface Choice {

    String name();

    String label();

    default String hint() {
        return null;
    }

    static Choice of(String name, String label) {
        return new Given(name, label, null);
    }

    static Choice of(String name, String label, String hint) {
        return new Given(name, label, hint);
    }

    record Given(String name, String label, String hint) implements Choice {
    }
}
