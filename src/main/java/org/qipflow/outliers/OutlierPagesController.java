package org.qipflow.outliers;

import java.security.Principal;
import java.util.List;

import org.qipflow.common.Choice;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.definitions.AuditDefinitions;
import org.qipflow.programmes.OutlierPolicy;
import org.qipflow.programmes.Programme;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's pages: a round's outliers (where reviews are opened), and a programme's outlier policy. */
@Controller
class OutlierPagesController {

    /** The policy's one checkbox, as the checkboxes fragment takes it. */
    private static final List<Choice> OVERDISPERSION = List.of(Choice.of("ALLOW", "Allow for over-dispersion",
            "Widen the limits by √φ where organisations vary more than chance allows"));

    private final CycleOutliers outliers;
    private final OutlierReviews reviews;
    private final ProgrammeService programmes;
    private final AuditDefinitions definitions;

    OutlierPagesController(CycleOutliers outliers, OutlierReviews reviews, ProgrammeService programmes,
            AuditDefinitions definitions) {
        this.outliers = outliers;
        this.reviews = reviews;
        this.programmes = programmes;
        this.definitions = definitions;
    }

    @GetMapping("/cycles/{id}/outliers")
    String review(@PathVariable long id, Model model) {
        model.addAttribute("review", outliers.of(id));
        FormErrors.noneYet(model);
        return "outliers/cycle";
    }

    /** Opens the review of one flag, or shows the one already open. */
    @PostMapping("/cycles/{id}/outlier-reviews")
    String openReview(@PathVariable long id, @RequestParam(required = false) String organisationCode,
            @RequestParam(required = false) String standardId, Principal principal, Model model) {
        try {
            return "redirect:/outlier-reviews/" + reviews.open(id, organisationCode, standardId, principal.getName()).id();
        } catch (InvalidInputException e) {
            FormErrors.show(model, e.problems());
            return review(id, model);
        }
    }

    @GetMapping("/programmes/{code}/outlier-policy")
    String policy(@PathVariable String code, Model model) {
        Programme programme = programmes.get(code);
        OutlierPolicy policy = programmes.outlierPolicy(code);
        if (!model.containsAttribute("indicators")) {
            model.addAttribute("indicators", policy.indicators());
            model.addAttribute("overdispersion", policy.allowForOverdispersion() ? List.of("ALLOW") : List.of());
        }
        model.addAttribute("programme", programme);
        model.addAttribute("overdispersionChoice", OVERDISPERSION);
        model.addAttribute("standards", programme.auditDefinition() == null ? List.of()
                : definitions.get(programme.auditDefinition()).standards().stream()
                        .map(s -> Choice.of(s.id(), s.id() + ": " + s.text())).toList());
        FormErrors.noneYet(model);
        return "outliers/policy";
    }

    @PostMapping("/programmes/{code}/outlier-policy")
    String setPolicy(@PathVariable String code, @RequestParam(required = false) List<String> indicators,
            @RequestParam(required = false) List<String> overdispersion, Model model, RedirectAttributes redirect) {
        boolean allow = overdispersion != null && overdispersion.contains("ALLOW");
        try {
            OutlierPolicy policy = programmes.setOutlierPolicy(code, indicators, allow);
            redirect.addFlashAttribute("flash", policy.indicators().isEmpty()
                    ? "The programme has no outlier indicators"
                    : "Outlier indicators: " + String.join(", ", policy.indicators())
                            + (allow ? ", with limits allowing for over-dispersion" : ", with binomial limits")
                            + ". Rounds not yet published have been flagged again");
            return "redirect:/programmes/" + programmes.get(code).code();
        } catch (InvalidInputException e) {
            model.addAttribute("indicators", indicators == null ? List.of() : indicators);
            model.addAttribute("overdispersion", allow ? List.of("ALLOW") : List.of());
            FormErrors.show(model, e.problems());
            return policy(code, model);
        }
    }
}
