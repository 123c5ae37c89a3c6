package org.qipflow.actionplans;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The programme team's view of a round's action plans: interventions taken up, and each plan's progress. */
@Controller
class UptakePagesController {

    private final ActionPlanUptake uptake;

    UptakePagesController(ActionPlanUptake uptake) {
        this.uptake = uptake;
    }

    @GetMapping("/cycles/{id}/action-plans")
    String uptake(@PathVariable long id, Model model) {
        model.addAttribute("uptake", uptake.of(id));
        return "plans/uptake";
    }
}
