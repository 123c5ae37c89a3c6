package org.qipflow.actionplans;

import org.qipflow.common.LatestRenderings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.ITemplateEngine;

/** The programme team's view of a round's action plans: interventions taken up, and each plan's progress. */
@Controller
class UptakePagesController {

    /** Rounds whose tables are kept rendered: a year's rounds of every programme, and more. */
    private static final int ROUNDS_KEPT = 200;

    private final ActionPlanUptake uptake;
    /** The two tables, a row per organisation, are most of the page's work; they change only with the figures. */
    private final LatestRenderings<Long> tables;

    UptakePagesController(ActionPlanUptake uptake, ITemplateEngine templates) {
        this.uptake = uptake;
        this.tables = new LatestRenderings<>(templates, "plans/uptake-tables", "uptake", ROUNDS_KEPT);
    }

    @GetMapping("/cycles/{id}/action-plans")
    String uptake(@PathVariable long id, Model model) {
        ActionPlanUptake.Uptake figures = uptake.of(id);
        model.addAttribute("uptake", figures);
        model.addAttribute("tables", tables.of(id, figures));
        return "plans/uptake";
    }
}
