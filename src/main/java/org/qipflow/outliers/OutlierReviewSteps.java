package org.qipflow.outliers;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.qipflow.membership.Nation;
import org.qipflow.notification.Outbox;
import org.qipflow.outliers.OutlierReview.Status;
import org.qipflow.outliers.OutlierReview.Step;
import org.qipflow.outliers.OutlierReviewFacts.Facts;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Component;

/**
 * What the service tasks of {@code outlier-review.bpmn} do, each in the transaction of its step: the
 * review's state, its timeline and its emails commit together.
 */
@Component
class OutlierReviewSteps {

    static final String QIPFLOW = "qipflow";

    private final OutlierReviewRepository reviews;
    private final OutlierReviewFacts facts;
    private final OutlierReviewMails mails;
    private final OutlierLetter letters;
    private final OutlierReviewDue due;
    private final OutlierReviewSettings settings;
    private final Outbox outbox;
    private final TaskLinks links;
    private final Clock clock;

    OutlierReviewSteps(OutlierReviewRepository reviews, OutlierReviewFacts facts, OutlierReviewMails mails,
            OutlierLetter letters, OutlierReviewDue due, OutlierReviewSettings settings, Outbox outbox, TaskLinks links,
            Clock clock) {
        this.reviews = reviews;
        this.facts = facts;
        this.mails = mails;
        this.letters = letters;
        this.due = due;
        this.settings = settings;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** {@code Task_NotifyOrganisation}: the response window opens, and the lead and clinical contact hear why. */
    void notifyOrganisation(long reviewId) {
        OutlierReview review = locked(reviewId);
        if (review.dueAt() == null) { // a retried step keeps the window it opened
            reviews.waitFor(reviewId, Status.AWAITING_RESPONSE,
                    due.after(settings.responseWorkingDays(), organisationNation(review)));
        }
        Facts now = facts.of(reviews.find(reviewId).orElseThrow());
        List<OutlierRecipient.Person> people = now.organisationContacts();
        people.forEach(p -> outbox.enqueue(mails.notice(now, p, null)));
        step(reviewId, Step.NOTIFIED, "Sent to " + described(people) + (now.person(OutlierRecipient.CLINICAL_CONTACT)
                .isEmpty() ? " (no clinical contact on record)" : "") + ". Response due by " + now.review().dueText());
    }

    /** {@code Task_EscalateResponse}: no response in time; the programme team decides on what it has. */
    void escalateResponse(long reviewId) {
        OutlierReview review = locked(reviewId);
        revokeLinks(review, OutlierLink.OUTLIER_RESPONSE, OutlierRecipient.LOCAL_LEAD, OutlierRecipient.CLINICAL_CONTACT);
        reviews.waitFor(reviewId, Status.AWAITING_DECISION,
                due.after(settings.decisionWorkingDays(), organisationNation(review)));
        Facts now = facts.of(reviews.find(reviewId).orElseThrow());
        String detail = "The organisation did not respond by " + review.dueText() + ". Decision due by "
                + now.review().dueText();
        step(reviewId, Step.RESPONSE_OVERDUE, detail);
        outbox.enqueue(mails.team(now, Step.RESPONSE_OVERDUE, detail));
    }

    /** {@code Task_EscalateDecision}: the programme team's own window has passed; the task stays open. */
    void escalateDecision(long reviewId) {
        OutlierReview review = locked(reviewId);
        String detail = "The decision was due by " + review.dueText() + " and has not been made";
        step(reviewId, Step.DECISION_OVERDUE, detail);
        outbox.enqueue(mails.team(facts.of(review), Step.DECISION_OVERDUE, detail));
    }

    /** {@code Task_TellWithdrawn} */
    void tellWithdrawn(long reviewId) {
        close(reviewId, Status.WITHDRAWN);
    }

    /** {@code Task_TellAlertConfirmed} */
    void tellAlertConfirmed(long reviewId) {
        close(reviewId, Status.CONFIRMED);
    }

    /**
     * {@code Task_SendAlarmLetter}: the letter, as PDF, to the chief executive and the medical director
     * with a link each to acknowledge it, a copy to the regulator, and the news to the lead and clinical contact.
     */
    void sendAlarmLetter(long reviewId) {
        OutlierReview review = locked(reviewId);
        if (!review.hasLetter()) {
            reviews.waitFor(reviewId, Status.AWAITING_ACKNOWLEDGEMENT,
                    due.after(settings.acknowledgementWorkingDays(), organisationNation(review)));
            reviews.storeLetter(reviewId, letters.render(facts.of(reviews.find(reviewId).orElseThrow()),
                    settings.regulatorEmail()));
        }
        Facts now = facts.of(reviews.find(reviewId).orElseThrow());
        byte[] pdf = reviews.letter(reviewId).orElseThrow();
        List<OutlierRecipient.Person> executives = now.executives();
        executives.forEach(p -> outbox.enqueue(mails.letter(now, p, null), OutlierLetter.attachment(now.review(), pdf)));
        if (settings.copiesRegulator()) {
            outbox.enqueue(mails.regulatorCopy(now, settings.regulatorEmail(), false),
                    OutlierLetter.attachment(now.review(), pdf));
        }
        now.organisationContacts().forEach(p -> outbox.enqueue(mails.decided(now, p)));
        step(reviewId, Step.LETTER_SENT, "To " + described(executives)
                + (settings.copiesRegulator() ? ", copied to " + settings.regulatorEmail() : ", copied to no regulator "
                        + "(qipflow.outliers.regulator-email is not set)")
                + ". Acknowledgement due by " + now.review().dueText());
    }

    /** {@code Task_EscalateAcknowledgement}: a reminder to the chief executive, copied to the regulator. */
    void escalateAcknowledgement(long reviewId) {
        OutlierReview review = locked(reviewId);
        Facts now = facts.of(review);
        byte[] pdf = reviews.letter(reviewId).orElseThrow();
        now.person(OutlierRecipient.CHIEF_EXECUTIVE).ifPresent(ceo -> outbox.enqueue(mails.letterReminder(now, ceo),
                OutlierLetter.attachment(review, pdf)));
        if (settings.copiesRegulator()) {
            outbox.enqueue(mails.regulatorCopy(now, settings.regulatorEmail(), true),
                    OutlierLetter.attachment(review, pdf));
        }
        String detail = "The letter was not acknowledged by " + review.dueText() + ". Reminder sent to "
                + now.person(OutlierRecipient.CHIEF_EXECUTIVE).map(OutlierRecipient.Person::described)
                        .orElse("no one: the organisation has no chief executive on record")
                + (settings.copiesRegulator() ? ", copied to " + settings.regulatorEmail() : "");
        step(reviewId, Step.ACKNOWLEDGEMENT_OVERDUE, detail);
        outbox.enqueue(mails.team(now, Step.ACKNOWLEDGEMENT_OVERDUE, detail));
    }

    private void close(long reviewId, Status status) {
        locked(reviewId);
        reviews.close(reviewId, status, clock.instant());
        Facts now = facts.of(reviews.find(reviewId).orElseThrow());
        now.organisationContacts().forEach(p -> outbox.enqueue(mails.decided(now, p)));
    }

    private OutlierReview locked(long reviewId) {
        return reviews.findForUpdate(reviewId).orElseThrow(() -> new IllegalStateException("No review " + reviewId));
    }

    private Nation organisationNation(OutlierReview review) {
        return facts.nationOf(review);
    }

    private void revokeLinks(OutlierReview review, OutlierLink purpose, OutlierRecipient... recipients) {
        for (OutlierRecipient recipient : recipients) {
            links.revoke(review.organisationCode(), OutlierLink.subject(review.id(), recipient), purpose.name());
        }
    }

    private void step(long reviewId, Step step, String detail) {
        reviews.addStep(reviewId, step, QIPFLOW, detail, clock.instant());
    }

    private static String described(List<OutlierRecipient.Person> people) {
        return people.isEmpty() ? "no one (no contacts on record)"
                : people.stream().map(OutlierRecipient.Person::described).collect(Collectors.joining(" and "));
    }
}
