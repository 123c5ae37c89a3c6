package org.qipflow.outliers;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.RejectedFileException;
import org.qipflow.submissions.RecordService;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages a review's emailed links open, without signing in: the lead and the clinical contact see
 * the figures, correct records and respond; the chief executive and the medical director read the
 * letter and acknowledge it. Opening a link changes nothing (mail scanners follow links).
 */
@Controller
class OutlierLinkController {

    private final OutlierReviews reviews;

    OutlierLinkController(OutlierReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/outlier-links/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return again(token, model, response, List.of());
    }

    @PostMapping("/outlier-links/{token}/response")
    String respond(@PathVariable String token, @RequestParam(required = false) String response, Model model,
            HttpServletResponse http) {
        try {
            reviews.respond(token, response);
            model.addAttribute("done", "Your response has been sent to the programme team");
            model.addAttribute("next", "The programme team will write to you with its decision. The link you used has "
                    + "done its job and no longer works.");
            return "outliers/link-done";
        } catch (InvalidInputException e) {
            http.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("responseEntered", response);
            return again(token, model, http, e.problems());
        } catch (ConflictException e) {
            return gone(token, reviews.linkPage(token), model, http);
        }
    }

    @PostMapping("/outlier-links/{token}/correction")
    String correct(@PathVariable String token, @RequestParam(required = false) MultipartFile file, Model model,
            HttpServletResponse http) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "Choose the corrected Excel or CSV file to upload");
            }
            OutlierReviews.Correction done = reviews.correct(token, file.getInputStream(), name(file));
            model.addAttribute("notice", name(file) + ": " + done.result().created() + " added, "
                    + done.result().updated() + " updated, " + done.result().unchanged() + " unchanged. Your figure "
                    + "is now " + done.currentFigures() + ".");
            return again(token, model, http, List.of());
        } catch (InvalidInputException e) {
            http.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return again(token, model, http, e.problems());
        } catch (RejectedFileException e) {
            http.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("uploadProblems", e.problems());
            return again(token, model, http, List.of(new FieldProblem("file", name(file) + " was not stored: fix the " + e.problems().size()
                    + " problem(s) listed and upload it again")));
        } catch (IOException e) {
            http.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return again(token, model, http, List.of(new FieldProblem("file",
                    "The file could not be received in full; upload it again")));
        } catch (ConflictException e) {
            http.setStatus(HttpServletResponse.SC_CONFLICT);
            return again(token, model, http, List.of(new FieldProblem("file", e.getMessage())));
        }
    }

    @PostMapping("/outlier-links/{token}/acknowledgement")
    String acknowledge(@PathVariable String token, Model model, HttpServletResponse http) {
        try {
            reviews.acknowledge(token);
            model.addAttribute("done", "Thank you: the programme team has your acknowledgement of the letter");
            model.addAttribute("next", "The link you used has done its job and no longer works.");
            return "outliers/link-done";
        } catch (ConflictException e) {
            return gone(token, reviews.linkPage(token), model, http);
        }
    }

    /** The file's name as the uploader's computer gave it, for messages. */
    private static String name(MultipartFile file) {
        return file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "The file"
                : file.getOriginalFilename();
    }

    /** A spent link's page offers a fresh one, sent to the person on record for the role. */
    @PostMapping("/outlier-links/{token}/new-link")
    String freshLink(@PathVariable String token, Model model, HttpServletResponse http) {
        Optional<OutlierReviews.LinkPage> page = reviews.linkPage(token);
        if (page.isEmpty()) {
            http.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "outliers/link-gone";
        }
        boolean sent = reviews.sendFreshLink(token);
        model.addAttribute("done", sent ? "A new link has been sent to the " + page.get().person().as().label()
                + " on record" : "A new link was sent within the last hour, or none is needed: check your inbox");
        model.addAttribute("next", "It goes to the address the organisation has on record for the role; the link works "
                + "until the step it is for is done or its deadline passes.");
        return "outliers/link-done";
    }

    @GetMapping("/outlier-links/{token}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable String token) {
        return reviews.letterFor(token).map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("outlier-letter.pdf")
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff").body(pdf))
                .orElse(ResponseEntity.notFound().build());
    }

    /** The link's page as it stands, with these problems; the page of a spent link if it has passed. */
    private String again(String token, Model model, HttpServletResponse http, List<FieldProblem> problems) {
        Optional<OutlierReviews.LinkPage> page = reviews.linkPage(token);
        if (page.isEmpty() || !page.get().usable()) {
            return gone(token, page, model, http);
        }
        model.addAttribute("page", page.get());
        model.addAttribute("token", token);
        model.addAttribute("mostBytes", RecordService.MOST_UPLOAD_BYTES);
        model.asMap().putIfAbsent("uploadProblems", List.of());
        FormErrors.show(model, problems);
        return page.get().responds() ? "outliers/respond" : "outliers/acknowledge";
    }

    /** A link never issued is 404; one whose step has passed (answered, decided, expired) is 410. */
    private static String gone(String token, Optional<OutlierReviews.LinkPage> page, Model model,
            HttpServletResponse response) {
        response.setStatus(page.isPresent() ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("token", token);
        page.ifPresent(p -> {
            model.addAttribute("status", p.waiting() ? null : p.facts().review().status().label());
            model.addAttribute("renewable", p.waiting());
        });
        return "outliers/link-gone";
    }
}
