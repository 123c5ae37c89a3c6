package org.qipflow.programmes;

import java.util.Arrays;
import java.util.Optional;

/** The dated steps of an audit cycle, in the order they happen; {@code key} is the API's name. */
public enum Milestone {
    MATERIALS_DISPATCH("materialsDispatch", "Audit materials sent to local leads"),
    DATA_COLLECTION_START("dataCollectionStart", "Data collection starts"),
    DATA_COLLECTION_END("dataCollectionEnd", "Data collection ends"),
    SUBMISSION_OPENS("submissionOpens", "Online submission opens"),
    SUBMISSION_CLOSES("submissionCloses", "Online submission closes"),
    REPORT_DUE("reportDue", "Reports due");

    private final String key;
    private final String label;

    Milestone(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<Milestone> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
