package org.qipflow.outliers;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qipflow.reporting.OutlierFlags;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Outlier reviews as JSON: the same as their pages show and do. */
@RestController
@Tag(name = "Outliers")
class OutlierReviewApiController {

    private final OutlierReviews reviews;

    OutlierReviewApiController(OutlierReviews reviews) {
        this.reviews = reviews;
    }

    /** A review with its figures as opened and as they are now, and its timeline. */
    record ReviewJson(long id, long cycleId, String organisationCode, String standardId, String status,
            String statusText, Instant dueAt, OutlierFlags.Level openedLevel, OutlierFlags.Direction direction,
            int openedNumerator, int openedDenominator, double openedZ, String openedFigures, String currentFigures,
            OutlierFlags.Level currentLevel, OutlierFlags.Level confirmedLevel, String response, String decisionNote,
            boolean letter, List<OutlierReview.TimelineStep> timeline) {

        static ReviewJson of(OutlierReviews.View view) {
            OutlierReview r = view.review();
            return new ReviewJson(r.id(), r.cycleId(), r.organisationCode(), r.standardId(), r.status().name(),
                    r.status().label(), r.dueAt(), r.openedLevel(), r.openedDirection(), r.openedNumerator(),
                    r.openedDenominator(), r.openedZ(), view.facts().openedFigures(), view.facts().currentFigures(),
                    view.facts().current().map(OutlierFlags.Flag::level).orElse(null), r.confirmedLevel(),
                    r.response(), r.decisionNote(), r.hasLetter(), view.timeline());
        }
    }

    record OpenRequest(String organisationCode, String standardId) {
    }

    record DecisionRequest(String decision, String note) {
    }

    record AcknowledgementRequest(String note) {
    }

    @PostMapping(path = "/api/cycles/{id}/outlier-reviews", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open an outlier review", description = "{\"organisationCode\": \"RX4\", \"standardId\": \"S1\"}"
            + " for an organisation flagged on an outlier indicator of the round. The lead and the clinical contact "
            + "are sent the figures and a link to respond. Opening the same review again returns it unchanged")
    ReviewJson open(@PathVariable long id, @RequestBody OpenRequest body, Principal principal) {
        OutlierReview review = reviews.open(id, body.organisationCode(), body.standardId(), principal.getName());
        return ReviewJson.of(reviews.view(review.id()));
    }

    @GetMapping(path = "/api/cycles/{id}/outlier-reviews", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A round's outlier reviews")
    List<ReviewJson> ofCycle(@PathVariable long id) {
        return reviews.ofCycle(id).stream().map(r -> ReviewJson.of(reviews.view(r.id()))).toList();
    }

    @GetMapping(path = "/api/outlier-reviews/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An outlier review, with its timeline")
    ReviewJson get(@PathVariable long id) {
        return ReviewJson.of(reviews.view(id));
    }

    @PostMapping(path = "/api/outlier-reviews/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm or withdraw an outlier", description = "{\"decision\": \"CONFIRM\" or \"WITHDRAW\", "
            + "\"note\": \"...\"} once the organisation has responded or its window has passed. A confirmation takes "
            + "the level the figures show now; a confirmed alarm sends the letter. A withdrawal needs the note, which "
            + "the organisation is sent")
    ReviewJson decide(@PathVariable long id, @RequestBody DecisionRequest body, Principal principal) {
        reviews.decide(id, body.decision(), body.note(), principal.getName());
        return ReviewJson.of(reviews.view(id));
    }

    @PostMapping(path = "/api/outlier-reviews/{id}/acknowledgement", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an acknowledgement received another way", description = "{\"note\": \"letter from the "
            + "chief executive dated 3 May\"}")
    ReviewJson acknowledgementReceived(@PathVariable long id, @RequestBody AcknowledgementRequest body,
            Principal principal) {
        reviews.acknowledgementReceived(id, body.note(), principal.getName());
        return ReviewJson.of(reviews.view(id));
    }
}
