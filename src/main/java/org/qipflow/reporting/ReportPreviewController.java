package org.qipflow.reporting;

import org.qipflow.common.NotFoundException;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.CycleService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Lets the programme team read one organisation's report exactly as its local lead will, so the
 * anonymisation can be checked before the reports are published.
 */
@Controller
class ReportPreviewController {

    private final Reports reports;
    private final CycleAnalysis analysis;
    private final CycleService cycles;
    private final OrganisationService organisations;

    ReportPreviewController(Reports reports, CycleAnalysis analysis, CycleService cycles,
            OrganisationService organisations) {
        this.reports = reports;
        this.analysis = analysis;
        this.cycles = cycles;
        this.organisations = organisations;
    }

    @GetMapping("/cycles/{id}/results/{code}")
    String preview(@PathVariable long id, @PathVariable String code, Model model) {
        var cycle = cycles.get(id);
        if (!analysis.aliases(id).containsKey(code)) {
            throw new NotFoundException("Organisation " + code + " has no results in this cycle: only organisations "
                    + "that submitted by the close of late submissions are analysed.");
        }
        model.addAttribute("cycle", cycle);
        model.addAttribute("organisation", organisations.get(code));
        model.addAttribute("report", reports.forOrganisation(id, code));
        return "cycles/organisation-report";
    }
}
