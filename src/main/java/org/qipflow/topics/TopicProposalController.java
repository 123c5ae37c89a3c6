package org.qipflow.topics;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.Choice;
import org.qipflow.common.EmailedLinkRequests;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.RequestBudget;
import org.qipflow.membership.OrganisationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public pages: topics adopted and under consideration, and the form that proposes one. */
@Controller
class TopicProposalController {

    private final TopicProposals proposals;
    private final OrganisationService organisations;
    private final EmailedLinkRequests linkRequests;

    TopicProposalController(TopicProposals proposals, OrganisationService organisations,
            EmailedLinkRequests linkRequests) {
        this.proposals = proposals;
        this.organisations = organisations;
        this.linkRequests = linkRequests;
    }

    @GetMapping("/topics")
    String list(Model model) {
        model.addAttribute("topics", proposals.published());
        return "topics/list";
    }

    @GetMapping("/topics/propose")
    String form(Model model) {
        if (model.getAttribute("sentTo") != null) {
            return "topics/check-email";
        }
        model.addAttribute("form", Map.of());
        return page(model);
    }

    @PostMapping("/topics/propose")
    String propose(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        Optional<RequestBudget.Refusal> refused = linkRequests.refused(request);
        if (refused.isPresent()) {
            return EmailedLinkRequests.refusal(refused.get(), model, response);
        }
        try {
            proposals.propose(new TopicProposal(form.get("title"), form.get("problem"), form.get("niceGuidance"),
                    form.get("whyNow"), form.get("proposerName"), form.get("proposerOrganisation"),
                    form.get("proposerEmail"), form.get("website")));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            FormErrors.show(model, e.problems());
            model.addAttribute("form", form);
            return page(model);
        }
        redirect.addFlashAttribute("sentTo", form.getOrDefault("proposerEmail", "").trim());
        return "redirect:/topics/propose";
    }

    private String page(Model model) {
        model.addAttribute("organisationChoices", organisations.list(true).stream()
                .map(o -> Choice.of(o.code(), o.name() + " (" + o.code() + ")")).toList());
        FormErrors.noneYet(model);
        return "topics/propose";
    }
}
