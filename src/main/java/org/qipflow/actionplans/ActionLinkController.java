package org.qipflow.actionplans;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.Choice;
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
 * The page an action owner's emailed link opens, without signing in: the action, and a form to mark it
 * done, blocked or changed. Opening the link changes nothing (mail scanners follow links).
 */
@Controller
class ActionLinkController {

    static final List<Choice> STATUSES = List.of(
            Choice.of("DONE", "Done", "The action has been carried out"),
            Choice.of("BLOCKED", "Blocked", "Something stops it: say what, and the lead is told"),
            Choice.of("CHANGED", "Changed", "It will be done differently or by another date: say how"));

    private final ActionPlans plans;

    ActionLinkController(ActionPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/action-links/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<ActionPlans.LinkPage> page = plans.linkPage(token);
        if (page.isEmpty() || !page.get().usable()) {
            response.setStatus(page.isPresent() ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
            page.ifPresent(p -> model.addAttribute("page", p));
            model.addAttribute("token", token);
            return "plans/link-gone";
        }
        model.addAttribute("page", page.get());
        model.addAttribute("token", token);
        model.addAttribute("statuses", STATUSES);
        model.asMap().putIfAbsent("entered", java.util.Map.of());
        FormErrors.noneYet(model);
        return "plans/action";
    }

    /** A spent link's page offers a fresh one, sent to the action's owner on record. */
    @PostMapping("/action-links/{token}/new-link")
    String freshLink(@PathVariable String token, Model model) {
        model.addAttribute("sent", plans.sendFreshLink(token));
        model.addAttribute("holder", "the action's owner");
        model.addAttribute("unneeded", "the action no longer needs one");
        return "links/new-link";
    }

    @PostMapping("/action-links/{token}")
    String update(@PathVariable String token, @RequestParam(required = false) String status,
            @RequestParam(required = false) String note, @RequestParam(required = false) String dueOn, Model model,
            HttpServletResponse response) {
        try {
            PlanAction action = plans.update(token, status, note, dueOn);
            model.addAttribute("action", action);
            return "plans/action-updated";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("entered", FormErrors.typed("status", status, "note", note, "dueOn", dueOn));
            FormErrors.show(model, e.problems());
            return show(token, model, response);
        } catch (ConflictException e) {
            return show(token, model, response);
        }
    }
}
