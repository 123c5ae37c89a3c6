package org.qipflow.outliers;

import java.time.Instant;

import org.qipflow.common.Dates;
import org.qipflow.common.UkTime;
import org.qipflow.reporting.OutlierFlags;
import org.qipflow.reporting.SmallNumbers;

/**
 * One organisation's flag on one outlier indicator of one round, as the review of it stands. The
 * figures are those it was opened with; a correction of records changes the analysis, not these.
 *
 * @param dueAt when the step the review waits for is due: the organisation's response, the programme
 *              team's decision or the chief executive's acknowledgement; null once closed
 */
record OutlierReview(long id, long cycleId, String organisationCode, String standardId, OutlierFlags.Level openedLevel,
        OutlierFlags.Direction openedDirection, int openedNumerator, int openedDenominator, double openedZ,
        Status status, Instant dueAt, String response, String decisionNote, OutlierFlags.Level confirmedLevel,
        boolean hasLetter, Instant openedAt, Instant closedAt) {

    enum Status {
        AWAITING_RESPONSE("Waiting for the organisation's response"),
        AWAITING_DECISION("Waiting for the programme team's decision"),
        AWAITING_ACKNOWLEDGEMENT("Letter sent: waiting for the chief executive's acknowledgement"),
        WITHDRAWN("Withdrawn"),
        CONFIRMED("Confirmed"),
        ACKNOWLEDGED("Confirmed; letter acknowledged");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean open() {
            return this == AWAITING_RESPONSE || this == AWAITING_DECISION || this == AWAITING_ACKNOWLEDGEMENT;
        }
    }

    /** What the timeline records, in its words. */
    enum Step {
        OPENED("Review opened"),
        NOTIFIED("Organisation notified"),
        RECORDS_CORRECTED("Records corrected and the round analysed again"),
        RESPONDED("Organisation responded"),
        RESPONSE_OVERDUE("No response by the deadline: escalated"),
        WITHDRAWN("Withdrawn"),
        CONFIRMED("Confirmed"),
        LETTER_SENT("Letter sent"),
        DECISION_OVERDUE("No decision by the deadline: escalated"),
        ACKNOWLEDGED("Letter acknowledged"),
        ACKNOWLEDGEMENT_OVERDUE("Letter not acknowledged by the deadline: escalated");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One step of the timeline: what, by whom, when, and what it said. */
    record TimelineStep(Step step, String actor, String detail, Instant takenAt) {

        public String label() {
            return step.label();
        }

        public String when() {
            return Dates.format(takenAt.atZone(UkTime.ZONE));
        }
    }

    /** The organisation's figure when the review was opened, as the page and the letter write it. */
    public String openedPercent() {
        return SmallNumbers.exactPercent(openedNumerator, openedDenominator);
    }

    /** When the step it waits for is due, as the pages and emails write it. */
    public String dueText() {
        return dueAt == null ? "no deadline" : Dates.format(dueAt.atZone(UkTime.ZONE));
    }

    String reference() {
        return "outlier-review:" + id;
    }
}
