package org.qipflow.outliers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.qipflow.common.Dates;
import org.qipflow.common.PublicAddress;
import org.qipflow.common.UkTime;
import org.qipflow.notification.Mail;
import org.qipflow.outliers.OutlierReviewFacts.Facts;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The emails of an outlier review. Keys are stable per step and recipient, so a retried step writes
 * each email once; links are issued only for an email that is written.
 */
@Component
class OutlierReviewMails {

    /** An acknowledgement link works this long after its deadline: a late acknowledgement still counts. */
    static final Duration ACKNOWLEDGEMENT_GRACE = Duration.ofDays(14);

    private final TaskLinks links;
    private final PublicAddress address;
    private final Clock clock;
    private final String coordinators;

    OutlierReviewMails(TaskLinks links, PublicAddress address, Clock clock,
            @Value("${qipflow.mail.coordinators}") String coordinators) {
        this.links = links;
        this.address = address;
        this.clock = clock;
        this.coordinators = coordinators;
    }

    /**
     * The figures, the deadline and a link to respond, to the lead or the clinical contact.
     *
     * @param again null for the first; for a fresh link, what makes this one's key its own
     */
    Mail notice(Facts facts, OutlierRecipient.Person person, String again) {
        Mail mail = to(facts, person, again == null ? "notice" : "notice-" + again, "outlier-notice");
        mail.model().put("link", link(facts, person.as(), OutlierLink.OUTLIER_RESPONSE, facts.review().dueAt()));
        return mail;
    }

    /** What the programme team decided, to the lead or the clinical contact. */
    Mail decided(Facts facts, OutlierRecipient.Person person) {
        return to(facts, person, "decided", "outlier-decided");
    }

    /** The letter, attached, with a link to acknowledge it: to the chief executive or the medical director. */
    Mail letter(Facts facts, OutlierRecipient.Person person, String again) {
        Mail mail = to(facts, person, again == null ? "letter" : "letter-" + again, "outlier-letter");
        mail.model().put("link", link(facts, person.as(), OutlierLink.OUTLIER_ACKNOWLEDGEMENT,
                facts.review().dueAt().plus(ACKNOWLEDGEMENT_GRACE)));
        return mail;
    }

    /** The chief executive's reminder, with a fresh link: the deadline has passed. */
    Mail letterReminder(Facts facts, OutlierRecipient.Person person) {
        Mail mail = to(facts, person, "letter-reminder", "outlier-letter-reminder");
        mail.model().put("link", link(facts, person.as(), OutlierLink.OUTLIER_ACKNOWLEDGEMENT,
                clock.instant().plus(ACKNOWLEDGEMENT_GRACE)));
        return mail;
    }

    /** A copy of the letter (or its reminder) to the regulator: the letter only, no link. */
    Mail regulatorCopy(Facts facts, String regulator, boolean reminder) {
        Map<String, Object> model = model(facts);
        model.put("name", null);
        model.put("reminder", reminder);
        return new Mail(facts.review().reference() + ":regulator" + (reminder ? "-reminder" : ""),
                facts.review().reference(), regulator, "outlier-regulator-copy", model);
    }

    /** News for the programme team: a response, or a window that passed. */
    Mail team(Facts facts, OutlierReview.Step step, String detail) {
        Map<String, Object> model = model(facts);
        model.put("event", step.label());
        model.put("detail", detail);
        return new Mail(facts.review().reference() + ":team-" + step.name(), facts.review().reference(), coordinators,
                "outlier-team", model);
    }

    private Mail to(Facts facts, OutlierRecipient.Person person, String step, String template) {
        Map<String, Object> model = model(facts);
        model.put("name", person.name());
        model.put("role", person.as().label());
        return new Mail(facts.review().reference() + ":" + step + ":" + person.as().name(), facts.review().reference(),
                person.email(), template, model);
    }

    private Map<String, Object> model(Facts facts) {
        OutlierReview review = facts.review();
        Map<String, Object> model = new HashMap<>();
        model.put("organisationName", facts.organisation().name());
        model.put("cycleTitle", facts.cycle().title());
        model.put("standard", facts.standard());
        model.put("level", OutlierReviewFacts.levelWords(review.confirmedLevel() != null ? review.confirmedLevel()
                : review.openedLevel()));
        model.put("openedFigures", facts.openedFigures());
        model.put("currentFigures", facts.currentFigures());
        model.put("national", facts.nationalPercent() + " (" + facts.nationalNumerator() + " of "
                + facts.nationalDenominator() + ")");
        model.put("status", review.status().name());
        model.put("due", review.dueAt() == null ? null : Dates.format(review.dueAt().atZone(UkTime.ZONE)));
        model.put("response", review.response());
        model.put("note", review.decisionNote());
        model.put("reviewLink", address.of("/outlier-reviews/" + review.id()));
        model.put("coordinators", coordinators);
        return model;
    }

    private Mail.Later<String> link(Facts facts, OutlierRecipient recipient, OutlierLink purpose, Instant until) {
        return Mail.later(() -> address.of("/outlier-links/" + links.issue(facts.organisation().code(),
                OutlierLink.subject(facts.review().id(), recipient), purpose.name(),
                Duration.between(clock.instant(), until))));
    }
}
