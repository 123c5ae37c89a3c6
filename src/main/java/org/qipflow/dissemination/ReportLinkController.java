package org.qipflow.dissemination;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.ConflictException;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a team's emailed link opens, without signing in: the organisation's report, and a form to say
 * when and where the team discussed it. Opening the link changes nothing (mail scanners follow links).
 */
@Controller
class ReportLinkController {

    private final ReportSharing sharing;

    ReportLinkController(ReportSharing sharing) {
        this.sharing = sharing;
    }

    @GetMapping("/report-links/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<ReportSharing.LinkPage> page = sharing.linkPage(token);
        model.addAttribute("token", token);
        if (page.isEmpty() || !page.get().usable()) {
            response.setStatus(page.isPresent() ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
            page.ifPresent(p -> model.addAttribute("page", p));
            return "sharing/link-gone";
        }
        model.addAttribute("page", page.get());
        model.asMap().putIfAbsent("entered", Map.of());
        FormErrors.noneYet(model);
        return "sharing/report";
    }

    @PostMapping("/report-links/{token}")
    String acknowledge(@PathVariable String token, @RequestParam(required = false) String discussedOn,
            @RequestParam(required = false) String discussedWhere, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("share", sharing.acknowledge(token, discussedOn, discussedWhere));
            return "sharing/acknowledged";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("entered", FormErrors.typed("discussedOn", discussedOn, "discussedWhere",
                    discussedWhere));
            FormErrors.show(model, e.problems());
            return show(token, model, response);
        } catch (ConflictException e) {
            return show(token, model, response);
        }
    }

    /** A spent link's page offers a fresh one, sent to the team's contact on record. */
    @PostMapping("/report-links/{token}/new-link")
    String freshLink(@PathVariable String token, Model model) {
        model.addAttribute("sent", sharing.sendFreshLink(token));
        model.addAttribute("holder", "the team's contact");
        model.addAttribute("unneeded", "the team has answered already");
        return "links/new-link";
    }
}
