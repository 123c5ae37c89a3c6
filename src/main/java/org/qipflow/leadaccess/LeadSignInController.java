package org.qipflow.leadaccess;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.EmailAddresses;
import org.qipflow.common.EmailedLinkRequests;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.FormErrors;
import org.qipflow.common.RequestBudget;
import org.qipflow.security.LeadPrincipal;
import org.qipflow.security.LeadSessions;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Local leads sign in with a link sent to their email. Opening the link only shows a button (mail
 * scanners open links); pressing it signs in.
 */
@Controller
class LeadSignInController {


    private final LeadSignIns signIns;
    private final LeadSessions sessions;
    private final EmailedLinkRequests linkRequests;

    LeadSignInController(LeadSignIns signIns, LeadSessions sessions, EmailedLinkRequests linkRequests) {
        this.signIns = signIns;
        this.sessions = sessions;
        this.linkRequests = linkRequests;
    }

    @GetMapping("/leads/sign-in")
    String form(Model model) {
        FormErrors.noneYet(model);
        return "leads/sign-in";
    }

    @PostMapping("/leads/sign-in")
    String send(@RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        String problem = email.isBlank() ? "Enter your email address"
                : EmailAddresses.wellFormed(email.strip()) ? null : EmailAddresses.WRONG_FORMAT;
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            List<FieldProblem> problems = List.of(new FieldProblem("email", problem));
            FormErrors.show(model, problems);
            model.addAttribute("email", email);
            return "leads/sign-in";
        }
        Optional<RequestBudget.Refusal> refused = linkRequests.refused(request);
        if (refused.isPresent()) {
            return EmailedLinkRequests.refusal(refused.get(), model, response);
        }
        try {
            signIns.sendLink(email);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException sameRequestAtTheSameMoment) {
            // a twin request wrote this window's email first; answer as always, so nothing tells
            // a stranger that the address belongs to a lead
        }
        return "leads/check-email";
    }

    @GetMapping("/leads/sign-in/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (signIns.usable(token).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "leads/link-expired";
        }
        model.addAttribute("token", token);
        return "leads/confirm";
    }

    @PostMapping("/leads/sign-in/{token}")
    String signIn(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        if (LeadPrincipal.current().isPresent() && signIns.usable(token).isEmpty()) {
            return "redirect:/my/tasks"; // a second press of the button that has just signed them in
        }
        return signIns.redeem(token).map(lead -> {
            sessions.signIn(lead, request, response);
            return "redirect:/my/tasks";
        }).orElseGet(() -> {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "leads/link-expired";
        });
    }
}
