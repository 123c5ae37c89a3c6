package org.qipflow.reporting;


import org.qipflow.common.NotFoundException;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.security.LeadPrincipal;
import org.qipflow.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An organisation's report by address, {@code /reports/{cycle}/{organisation}} and its {@code .pdf},
 * {@code .docx}, {@code .pptx}, {@code .xlsx} and {@code .csv} files: for the organisation's signed-in
 * lead once the cycle is published, and for coordinators at any time.
 */
@Controller
class ReportController {

    private final Reports reports;
    private final ReportDownloads downloads;
    private final CycleAnalysis analysis;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final ReportInterventions interventions;
    private final AfterLastRounds afterLastRounds;

    ReportController(Reports reports, ReportDownloads downloads, CycleAnalysis analysis, CycleService cycles,
            OrganisationService organisations, ReportInterventions interventions, AfterLastRounds afterLastRounds) {
        this.afterLastRounds = afterLastRounds;
        this.interventions = interventions;
        this.reports = reports;
        this.downloads = downloads;
        this.analysis = analysis;
        this.cycles = cycles;
        this.organisations = organisations;
    }

    @GetMapping("/reports/{cycleId}/{code:[A-Za-z0-9]+}")
    String page(@PathVariable long cycleId, @PathVariable String code, Model model) {
        Cycle cycle = allowed(cycleId, code);
        model.addAttribute("cycle", cycle);
        model.addAttribute("organisation", organisations.get(code));
        OrganisationReport report = reports.forOrganisation(cycleId, code);
        model.addAttribute("report", report);
        model.addAttribute("interventions", interventions.offers(cycle, report));
        model.addAttribute("afterLastRound", afterLastRounds.of(cycleId, code));
        return "reports/organisation";
    }

    /** A change intervention's file, for the readers of a report of its programme. */
    @GetMapping("/reports/{cycleId}/{code:[A-Za-z0-9]+}/interventions/{id}")
    ResponseEntity<byte[]> intervention(@PathVariable long cycleId, @PathVariable String code, @PathVariable long id) {
        return interventions.download(allowed(cycleId, code), id);
    }

    @GetMapping("/reports/{cycleId}/{code:[A-Za-z0-9]+}.{extension}")
    ResponseEntity<byte[]> file(@PathVariable long cycleId, @PathVariable String code,
            @PathVariable String extension) {
        ReportDocument document = ReportDocument.byExtension(extension).orElseThrow(() -> new NotFoundException(
                "Reports come as .pdf, .docx (action plan), .pptx (slides), .xlsx or .csv (data), not ." + extension));
        return downloads.download(allowed(cycleId, code), code, document);
    }

    /**
     * Another organisation's report is refused outright; one's own is not found until publication,
     * as is any organisation without results (only those that submitted are analysed).
     */
    private Cycle allowed(long cycleId, String code) {
        Cycle cycle = cycles.get(cycleId);
        if (!Roles.coordinatorAsking()) {
            LeadPrincipal lead = LeadPrincipal.current()
                    .orElseThrow(() -> new AccessDeniedException("Only local leads and coordinators open reports"));
            if (!lead.leads(code, organisations.codesLedBy(lead.email()))) {
                throw new AccessDeniedException("This report belongs to an organisation you are not the lead of");
            }
            if (cycle.publishedAt() == null) {
                throw new NotFoundException("The reports of " + cycle.title() + " are not published yet.");
            }
        }
        if (!analysis.aliases(cycleId).containsKey(code)) {
            throw new NotFoundException("Organisation " + code + " has no results in " + cycle.title()
                    + ": only organisations that submitted are analysed.");
        }
        return cycle;
    }
}
