package org.qipflow.outliers;

import java.util.Optional;

import org.qipflow.tasklink.TaskLink;

/**
 * What an emailed link of a review lets its holder do: the lead and the clinical contact respond (and
 * correct records); the chief executive and the medical director acknowledge the letter. Each person
 * has a link of their own: the subject names the review and the recipient.
 */
enum OutlierLink {
    OUTLIER_RESPONSE, OUTLIER_ACKNOWLEDGEMENT;

    private static final String SUBJECT = "outlier-review:";

    static String subject(long reviewId, OutlierRecipient recipient) {
        return SUBJECT + reviewId + ":" + recipient.name();
    }

    /** The review and recipient a link is for; empty for a link of another kind. */
    static Optional<Holder> of(TaskLink link) {
        String[] parts = link.subject().split(":");
        if (!link.subject().startsWith(SUBJECT) || parts.length != 3) {
            return Optional.empty();
        }
        for (OutlierLink purpose : values()) {
            if (purpose.name().equals(link.purpose())) {
                return Optional.of(new Holder(Long.parseLong(parts[1]), OutlierRecipient.valueOf(parts[2]), purpose));
            }
        }
        return Optional.empty();
    }

    record Holder(long reviewId, OutlierRecipient recipient, OutlierLink purpose) {
    }
}
