package org.qipflow.outliers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.qipflow.common.UkTime;
import org.qipflow.membership.Nation;
import org.qipflow.workingdays.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * When each window of a review ends: 17:00 UK time on the last of its working days, counted in the
 * organisation's nation from the day it starts. The review keeps the moment; each timer of
 * {@code outlier-review.bpmn} reads it ({@code ${outlierReviewDue.of(reviewId)}}).
 */
@Component("outlierReviewDue")
public class OutlierReviewDue {

    static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

    private final OutlierReviewRepository reviews;
    private final WorkingDays workingDays;
    private final Clock clock;

    OutlierReviewDue(OutlierReviewRepository reviews, WorkingDays workingDays, Clock clock) {
        this.reviews = reviews;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The moment the review's current window ends, as the BPMN timers read it. */
    public Date of(Object reviewId) {
        long id = ((Number) reviewId).longValue();
        Instant due = reviews.find(id).map(OutlierReview::dueAt)
                .orElseThrow(() -> new IllegalStateException("Review " + id + " has no window open"));
        return Date.from(due);
    }

    /** A window of that many working days starting now. */
    Instant after(int days, Nation nation) {
        LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
        return workingDays.plusWorkingDays(today, days, nation).atTime(END_OF_DAY).atZone(UkTime.ZONE).toInstant();
    }
}
