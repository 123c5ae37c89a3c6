package org.qipflow.leadaccess;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.InvalidInputException;
import org.qipflow.participation.LeadActions;
import org.qipflow.participation.LeadTask;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The lead's two decisions through a link: taking part (with team codes) or not, and submitting the data. */
@Controller
class ConfirmationController {

    private final TaskPages pages;
    private final LeadActions actions;

    ConfirmationController(TaskPages pages, LeadActions actions) {
        this.pages = pages;
        this.actions = actions;
    }

    @PostMapping("/tasks/{token}/confirm")
    String confirm(@PathVariable String token, @RequestParam(required = false) Boolean takingPart,
            @RequestParam(required = false) String teams, Model model, HttpServletResponse response) {
        return pages.act(token, LeadTask.CONFIRM_PARTICIPATION, model, response, context -> {
            model.addAttribute("teamsEntered", teams);
            model.addAttribute("takingPartEntered", takingPart);
            actions.confirm(context.cycle().id(), context.organisation().code(), takingPart,
                    teams == null ? List.of() : List.of(teams));
        });
    }

    @PostMapping("/tasks/{token}/submit")
    String submit(@PathVariable String token, @RequestParam(required = false) String declaration, Model model,
            HttpServletResponse response) {
        return pages.act(token, LeadTask.SUBMIT_DATA, model, response, context -> {
            if (declaration == null) {
                throw new InvalidInputException("declaration",
                        "Confirm that your organisation's data for this cycle are complete");
            }
            actions.submit(context.cycle().id(), context.organisation().code());
        });
    }
}
