package org.qipflow.leadaccess;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.EmailedLinkRequests;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.FormErrors;
import org.qipflow.common.RequestBudget;
import org.qipflow.membership.OrganisationService;
import org.qipflow.participation.FreshLinkRequests;
import org.qipflow.participation.FreshLinks;
import org.qipflow.participation.LeadLink;
import org.qipflow.participation.LeadLinks;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a local lead's email link opens, reached without an account, and fresh links for one that
 * no longer works. GET only shows (mail scanners follow links); the task pages' forms act.
 */
@Controller
class LinkPageController {

    private final TaskPages pages;
    private final LeadLinks links;
    private final FreshLinkRequests freshLinks;
    private final OrganisationService organisations;
    private final EmailedLinkRequests linkRequests;

    LinkPageController(TaskPages pages, LeadLinks links, FreshLinkRequests freshLinks,
            OrganisationService organisations, EmailedLinkRequests linkRequests) {
        this.pages = pages;
        this.links = links;
        this.freshLinks = freshLinks;
        this.organisations = organisations;
        this.linkRequests = linkRequests;
    }

    /** Without a token (an address cut short): the page that asks for the organisation and emails its lead. */
    @GetMapping({"/tasks", "/tasks/"})
    String noToken(Model model) {
        model.addAttribute("problem", "unknown");
        return "tasks/link-problem";
    }

    @GetMapping("/tasks/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return pages.show(token, model, response);
    }

    /** Emails fresh links to the lead on record for this link's organisation, whoever asks. */
    @PostMapping("/tasks/{token}/new-link")
    String newLinkForKnownToken(@PathVariable String token, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<LeadLink> link = links.find(token);
        if (link.isEmpty()) {
            return noToken(model); // nothing to go on but the organisation's code
        }
        return freshLinks(link.get().organisationCode(), model, request, response);
    }

    /** For an unrecognised link: fresh links go to the lead on record of the organisation named. */
    @PostMapping("/tasks/new-link")
    String newLink(@RequestParam(required = false) String organisationCode, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (organisationCode == null || organisationCode.isBlank()) {
            return askForCode(model, response, "Enter your organisation's code, for example RV3");
        }
        return freshLinks(organisationCode, model, request, response);
    }

    /** Says exactly what happened: sent now, sent within the hour, nothing open, or no such organisation. */
    private String freshLinks(String organisationCode, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<RequestBudget.Refusal> refused = linkRequests.refused(request);
        if (refused.isPresent()) {
            return EmailedLinkRequests.refusal(refused.get(), model, response);
        }
        FreshLinks outcome;
        try {
            outcome = freshLinks.send(organisationCode);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException sameRequestAtTheSameMoment) {
            // a twin request wrote this hour's email first, and this one's links were taken back with it
            outcome = FreshLinks.SENT_RECENTLY;
        }
        if (outcome == FreshLinks.NO_SUCH_ORGANISATION) {
            return askForCode(model, response, "No member organisation has the code " + organisationCode.trim()
                    + ": check the code in an earlier email from the programme team, or ask them");
        }
        model.addAttribute("outcome", outcome.name());
        model.addAttribute("organisation", organisations.get(organisationCode.trim().toUpperCase(Locale.ROOT)));
        return "tasks/new-link-sent";
    }

    private static String askForCode(Model model, HttpServletResponse response, String problem) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", "unknown");
        FormErrors.show(model, new FieldProblem("organisationCode", problem));
        return "tasks/link-problem";
    }
}
