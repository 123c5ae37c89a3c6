package org.qipflow.outliers;

import java.security.Principal;
import java.util.List;

import org.qipflow.common.Choice;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The programme team's pages of an outlier review: its timeline, the decision, the letter. */
@Controller
class OutlierReviewPagesController {

    static final List<Choice> DECISIONS = List.of(
            Choice.of("CONFIRM", "Confirm", "At the level the figures show now; an alarm sends the letter"),
            Choice.of("WITHDRAW", "Withdraw", "The data were wrong, or the explanation accounts for the figures"));

    private final OutlierReviews reviews;

    OutlierReviewPagesController(OutlierReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/outlier-reviews/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("view", reviews.view(id));
        model.addAttribute("decisions", DECISIONS);
        FormErrors.noneYet(model);
        return "outliers/review";
    }

    @PostMapping("/outlier-reviews/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String note, Principal principal, Model model, RedirectAttributes redirect) {
        try {
            OutlierReview review = reviews.decide(id, decision, note, principal.getName());
            redirect.addFlashAttribute("flash", review.status() == OutlierReview.Status.WITHDRAWN
                    ? "Withdrawn: the organisation has been told why"
                    : review.status() == OutlierReview.Status.AWAITING_ACKNOWLEDGEMENT
                            ? "Alarm confirmed: the letter has gone to the chief executive and the medical director"
                            : "Alert confirmed: the organisation has been told");
            return "redirect:/outlier-reviews/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("decisionEntered", decision);
            model.addAttribute("noteEntered", note);
            FormErrors.show(model, e.problems());
            return show(id, model);
        }
    }

    @PostMapping("/outlier-reviews/{id}/acknowledgement")
    String acknowledgementReceived(@PathVariable long id, @RequestParam(required = false) String note,
            Principal principal, Model model, RedirectAttributes redirect) {
        try {
            reviews.acknowledgementReceived(id, note, principal.getName());
            redirect.addFlashAttribute("flash", "The acknowledgement has been recorded");
            return "redirect:/outlier-reviews/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("acknowledgementEntered", note);
            FormErrors.show(model, e.problems());
            return show(id, model);
        }
    }

    @GetMapping("/outlier-reviews/{id}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id) {
        return reviews.letter(id).map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(OutlierLetter.fileName(reviews.view(id).review())).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(pdf))
                .orElse(ResponseEntity.notFound().build());
    }
}
