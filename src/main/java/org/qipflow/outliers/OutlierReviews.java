package org.qipflow.outliers;

import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.qipflow.common.ConflictException;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.notification.Outbox;
import org.qipflow.outliers.OutlierReview.Status;
import org.qipflow.outliers.OutlierReview.Step;
import org.qipflow.outliers.OutlierReviewFacts.Facts;
import org.qipflow.participation.CycleParticipations;
import org.qipflow.participation.ParticipantRecords;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.reporting.OutlierFlags;
import org.qipflow.submissions.UploadResult;
import org.qipflow.tasklink.TaskLink;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outlier reviews as their users see them: the programme team opens, decides and follows them; the
 * organisation responds, corrects its records and acknowledges the letter from its emailed links.
 * Each change locks the review, records its step and moves the process on, in one transaction.
 */
@Service
class OutlierReviews {

    static final int LONGEST_TEXT = 4000;

    private final OutlierReviewRepository reviews;
    private final OutlierReviewProcess process;
    private final OutlierReviewFacts facts;
    private final OutlierReviewMails mails;
    private final OutlierReviewDue due;
    private final OutlierReviewSettings settings;
    private final Outbox outbox;
    private final TaskLinks links;
    private final CycleService cycles;
    private final ProgrammeService programmes;
    private final CycleAnalysis analysis;
    private final ParticipantRecords records;
    private final CycleParticipations participations;
    private final Clock clock;

    OutlierReviews(OutlierReviewRepository reviews, OutlierReviewProcess process, OutlierReviewFacts facts,
            OutlierReviewMails mails, OutlierReviewDue due, OutlierReviewSettings settings, Outbox outbox,
            TaskLinks links, CycleService cycles, ProgrammeService programmes, CycleAnalysis analysis,
            ParticipantRecords records, CycleParticipations participations, Clock clock) {
        this.reviews = reviews;
        this.process = process;
        this.facts = facts;
        this.mails = mails;
        this.due = due;
        this.settings = settings;
        this.outbox = outbox;
        this.links = links;
        this.cycles = cycles;
        this.programmes = programmes;
        this.analysis = analysis;
        this.records = records;
        this.participations = participations;
        this.clock = clock;
    }

    /** A review as its page and the API show it: the facts, the timeline, and what can be done now. */
    record View(OutlierReview review, Facts facts, List<OutlierReview.TimelineStep> timeline,
            OutlierReviewSettings settings) {

        public String status() {
            return review.status().label();
        }

        public boolean decidable() {
            return review.status() == Status.AWAITING_DECISION;
        }

        public boolean awaitingAcknowledgement() {
            return review.status() == Status.AWAITING_ACKNOWLEDGEMENT;
        }
    }

    /** Opening the same review twice opens it once: the second request gets the first review. */
    @Transactional
    OutlierReview open(long cycleId, String organisationCode, String standardId, String actor) {
        if (organisationCode == null || organisationCode.isBlank()) {
            throw new InvalidInputException("organisationCode", "Give the code of the organisation to review");
        }
        if (standardId == null || standardId.isBlank()) {
            throw new InvalidInputException("standardId", "Give the outlier indicator (standard) to review");
        }
        Cycle cycle = cycles.get(cycleId);
        programmes.lock(cycle.programmeCode()); // against a second opening and against an analysis running
        String code = organisationCode.trim().toUpperCase(Locale.UK);
        String standard = standardId.trim().toUpperCase(Locale.UK);
        Optional<OutlierReview> existing = reviews.find(cycleId, code, standard);
        if (existing.isPresent()) {
            return existing.get();
        }
        OutlierFlags.Flag flag = analysis.outliers(cycleId).stream().filter(o -> o.standardId().equals(standard))
                .flatMap(o -> o.flags().stream()).filter(f -> f.organisationCode().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInputException("organisationCode", code + " is not beyond the limits of "
                        + standard + " in " + cycle.title() + ": only an organisation flagged on an outlier indicator "
                        + "can be reviewed"));
        long id = reviews.insert(cycleId, flag, standard, clock.instant());
        OutlierReview review = reviews.find(id).orElseThrow();
        reviews.addStep(id, Step.OPENED, actor, "On " + facts.of(review).openedFigures(), clock.instant());
        process.start(id);
        return reviews.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<OutlierReview> ofCycle(long cycleId) {
        cycles.get(cycleId);
        return reviews.ofCycle(cycleId);
    }

    @Transactional(readOnly = true)
    View view(long id) {
        OutlierReview review = get(id);
        return new View(review, facts.of(review), reviews.steps(id), settings);
    }

    @Transactional(readOnly = true)
    Optional<byte[]> letter(long id) {
        return reviews.letter(get(id).id());
    }

    /**
     * The programme team's decision: withdraw (with the reason, which the organisation is told), or
     * confirm at the level the analysis shows now, after any correction.
     */
    @Transactional
    OutlierReview decide(long id, String decision, String note, String actor) {
        OutlierReview review = locked(id);
        String text = text("note", note, "the note");
        boolean withdraw;
        if ("WITHDRAW".equalsIgnoreCase(trim(decision))) {
            withdraw = true;
        } else if ("CONFIRM".equalsIgnoreCase(trim(decision))) {
            withdraw = false;
        } else {
            throw new InvalidInputException("decision", "Choose whether to confirm or withdraw the outlier");
        }
        if (review.status() == Status.AWAITING_RESPONSE) {
            throw new ConflictException("The organisation has until " + review.dueText()
                    + " to respond: decide once it has responded or its window has passed");
        }
        if (review.status() != Status.AWAITING_DECISION) {
            throw new ConflictException("This review has been decided already: " + review.status().label());
        }
        Facts now = facts.of(review);
        OutlierFlags.Level confirmed = withdraw ? null : confirmable(now);
        if (withdraw && text == null) {
            throw new InvalidInputException("note", "Say why the outlier is withdrawn: the organisation is told");
        }
        reviews.decide(id, text, confirmed);
        reviews.addStep(id, withdraw ? Step.WITHDRAWN : Step.CONFIRMED, actor,
                (withdraw ? "Now " : "As " + OutlierReviewFacts.levelWords(confirmed) + ", on ") + now.currentFigures()
                        + (text == null ? "" : ". " + text), clock.instant());
        OutlierReviewProcess.Decision outcome = withdraw ? OutlierReviewProcess.Decision.WITHDRAW
                : confirmed == OutlierFlags.Level.ALARM ? OutlierReviewProcess.Decision.CONFIRM_ALARM
                        : OutlierReviewProcess.Decision.CONFIRM_ALERT;
        process.decide(id, outcome);
        return reviews.find(id).orElseThrow();
    }

    /**
     * The level a confirmation takes: the organisation's flag now. Refused when a correction took it
     * inside the limits, or, for an alarm, when there is no one on record to send the letter to.
     */
    private static OutlierFlags.Level confirmable(Facts now) {
        OutlierFlags.Flag current = now.current().orElseThrow(() -> new InvalidInputException("decision",
                now.review().organisationCode() + " is " + now.currentFigures() + ": withdraw the review instead"));
        if (current.level() == OutlierFlags.Level.ALARM) {
            for (OutlierRecipient executive : List.of(OutlierRecipient.CHIEF_EXECUTIVE,
                    OutlierRecipient.MEDICAL_DIRECTOR)) {
                if (now.person(executive).isEmpty()) {
                    throw new InvalidInputException("decision", now.organisation().name() + " has no "
                            + executive.label() + " on record for the alarm's letter: add one on the organisation's "
                            + "page, then confirm");
                }
            }
        }
        return current.level();
    }

    /** An acknowledgement that reached the programme team another way (by post, say), recorded by them. */
    @Transactional
    OutlierReview acknowledgementReceived(long id, String note, String actor) {
        OutlierReview review = locked(id);
        String text = text("note", note, "the note");
        if (text == null) {
            throw new InvalidInputException("note", "Say how and when the acknowledgement came, e.g. \"letter from "
                    + "the chief executive dated 3 May\"");
        }
        return acknowledge(review, actor, text);
    }

    /**
     * What an emailed link shows: the review, for whom, and whether it can still be used.
     *
     * @param waiting whether the review still waits for what the link is for: a spent link then earns a fresh one
     */
    record LinkPage(Facts facts, OutlierRecipient.Person person, OutlierLink purpose, boolean waiting, boolean usable) {

        public boolean responds() {
            return purpose == OutlierLink.OUTLIER_RESPONSE;
        }
    }

    /** Empty for a token never issued, or for a link of another kind. */
    @Transactional(readOnly = true)
    Optional<LinkPage> linkPage(String token) {
        return links.find(token).flatMap(link -> OutlierLink.of(link).map(holder -> {
            OutlierReview review = get(holder.reviewId());
            Facts f = facts.of(review);
            boolean waiting = holder.purpose() == OutlierLink.OUTLIER_RESPONSE
                    ? review.status() == Status.AWAITING_RESPONSE : review.status() == Status.AWAITING_ACKNOWLEDGEMENT;
            return new LinkPage(f, person(f, holder.recipient()), holder.purpose(), waiting,
                    waiting && link.usableAt(clock.instant()));
        }));
    }

    /**
     * A fresh link for someone whose link expired or was replaced while the review still waits for
     * them, emailed to whoever holds their role on record now, never to whoever asks; one an hour.
     *
     * @return whether one was sent
     */
    @Transactional
    boolean sendFreshLink(String token) {
        Optional<LinkPage> page = linkPage(token);
        if (page.isEmpty() || !page.get().waiting() || page.get().usable()) {
            return false;
        }
        OutlierReview review = locked(page.get().facts().review().id());
        Facts now = facts.of(review);
        Optional<OutlierRecipient.Person> person = now.person(page.get().person().as());
        if (person.isEmpty()) {
            return false;
        }
        String hour = "fresh-" + clock.instant().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        if (page.get().responds()) {
            return outbox.enqueue(mails.notice(now, person.get(), hour));
        }
        return outbox.enqueue(mails.letter(now, person.get(), hour),
                OutlierLetter.attachment(review, reviews.letter(review.id()).orElseThrow()));
    }

    /** The organisation's response, once: the decision window opens and the programme team hears of it. */
    @Transactional
    void respond(String token, String response) {
        Held held = held(token, OutlierLink.OUTLIER_RESPONSE);
        String text = text("response", response, "your response");
        if (text == null) {
            throw new InvalidInputException("response", "Write your response: what you checked, what you found, and "
                    + "any explanation of the figures");
        }
        reviews.respond(held.review().id(), text);
        reviews.waitFor(held.review().id(), Status.AWAITING_DECISION,
                due.after(settings.decisionWorkingDays(), facts.nationOf(held.review())));
        for (OutlierRecipient recipient : List.of(OutlierRecipient.LOCAL_LEAD, OutlierRecipient.CLINICAL_CONTACT)) {
            links.revoke(held.review().organisationCode(), OutlierLink.subject(held.review().id(), recipient),
                    OutlierLink.OUTLIER_RESPONSE.name());
        }
        reviews.addStep(held.review().id(), Step.RESPONDED, held.person().described(), text, clock.instant());
        Facts now = facts.of(reviews.find(held.review().id()).orElseThrow());
        outbox.enqueue(mails.team(now, Step.RESPONDED, held.person().described() + " responded: " + text
                + ". Decision due by " + now.review().dueText()));
        process.responded(held.review().id());
    }

    /** What a correction changed, and where the organisation stands after the round was analysed again. */
    record Correction(UploadResult result, String currentFigures) {
    }

    /**
     * A corrected file of records while the organisation checks its data: stored as any upload is (all
     * rows or none), then the round is analysed again and the review reads the new figures.
     */
    @Transactional
    Correction correct(String token, InputStream file, String fileName) {
        Held held = held(token, OutlierLink.OUTLIER_RESPONSE);
        OutlierReview review = held.review();
        UploadResult result = records.uploadCorrection(review.cycleId(), review.organisationCode(), file, fileName,
                held.person().described());
        if (result.created() + result.updated() > 0) {
            analysis.analyse(review.cycleId(), participations.submitted(review.cycleId()));
        }
        String figures = facts.of(review).currentFigures();
        if (result.created() + result.updated() > 0) {
            reviews.addStep(review.id(), Step.RECORDS_CORRECTED, held.person().described(), fileName + ": "
                    + result.created() + " added, " + result.updated() + " updated, " + result.unchanged()
                    + " unchanged. " + review.standardId() + " now " + figures, clock.instant());
        }
        return new Correction(result, figures);
    }

    /** The chief executive's or medical director's acknowledgement of the letter; the first one counts. */
    @Transactional
    void acknowledge(String token) {
        Held held = held(token, OutlierLink.OUTLIER_ACKNOWLEDGEMENT);
        acknowledge(held.review(), held.person().described(), "Acknowledged from the emailed link");
    }

    @Transactional(readOnly = true)
    Optional<byte[]> letterFor(String token) {
        return linkPage(token).filter(p -> p.purpose() == OutlierLink.OUTLIER_ACKNOWLEDGEMENT)
                .flatMap(p -> reviews.letter(p.facts().review().id()));
    }

    private OutlierReview acknowledge(OutlierReview review, String actor, String detail) {
        if (review.status() != Status.AWAITING_ACKNOWLEDGEMENT) {
            throw new ConflictException("No letter of this review waits for acknowledgement: "
                    + review.status().label());
        }
        reviews.close(review.id(), Status.ACKNOWLEDGED, clock.instant());
        for (OutlierRecipient recipient : List.of(OutlierRecipient.CHIEF_EXECUTIVE, OutlierRecipient.MEDICAL_DIRECTOR)) {
            links.revoke(review.organisationCode(), OutlierLink.subject(review.id(), recipient),
                    OutlierLink.OUTLIER_ACKNOWLEDGEMENT.name());
        }
        reviews.addStep(review.id(), Step.ACKNOWLEDGED, actor, detail, clock.instant());
        outbox.enqueue(mails.team(facts.of(reviews.find(review.id()).orElseThrow()), Step.ACKNOWLEDGED,
                actor + ": " + detail));
        process.acknowledged(review.id());
        return reviews.find(review.id()).orElseThrow();
    }

    /** A link's review, locked, and its holder; refused when the link or the step it is for has passed. */
    private record Held(OutlierReview review, OutlierRecipient.Person person) {
    }

    private Held held(String token, OutlierLink purpose) {
        TaskLink link = links.find(token).orElseThrow(() -> new NotFoundException("No such link"));
        OutlierLink.Holder holder = OutlierLink.of(link).filter(h -> h.purpose() == purpose)
                .orElseThrow(() -> new NotFoundException("No such link"));
        OutlierReview review = locked(holder.reviewId());
        Status waiting = purpose == OutlierLink.OUTLIER_RESPONSE ? Status.AWAITING_RESPONSE
                : Status.AWAITING_ACKNOWLEDGEMENT;
        if (!link.usableAt(clock.instant()) || review.status() != waiting) {
            throw new ConflictException(purpose == OutlierLink.OUTLIER_RESPONSE
                    ? "This review no longer waits for a response: " + review.status().label()
                    : "The letter no longer waits for acknowledgement: " + review.status().label());
        }
        return new Held(review, person(facts.of(review), holder.recipient()));
    }

    private static OutlierRecipient.Person person(Facts facts, OutlierRecipient recipient) {
        return facts.person(recipient).orElse(new OutlierRecipient.Person(recipient,
                "The organisation's " + recipient.label(), ""));
    }

    private OutlierReview get(long id) {
        return reviews.find(id).orElseThrow(() -> new NotFoundException("No outlier review " + id));
    }

    private OutlierReview locked(long id) {
        return reviews.findForUpdate(id).orElseThrow(() -> new NotFoundException("No outlier review " + id));
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    /** Trimmed text, null when empty; too long is refused, never cut. */
    private static String text(String field, String value, String what) {
        String text = trim(value);
        if (text.length() > LONGEST_TEXT) {
            throw new InvalidInputException(field, "Shorten " + what + " to " + String.format(Locale.UK, "%,d",
                    LONGEST_TEXT) + " characters or fewer (it has " + String.format(Locale.UK, "%,d", text.length())
                    + ")");
        }
        return text.isEmpty() ? null : text;
    }
}
