package org.qipflow.leadaccess;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.ConflictException;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.dataqueries.DataQueries;
import org.qipflow.leadaccess.TaskContexts.TaskContext;
import org.qipflow.participation.LeadLink;
import org.qipflow.participation.LeadLinks;
import org.qipflow.participation.LeadTask;
import org.qipflow.programmes.CycleService;
import org.qipflow.reporting.ReportDocument;
import org.qipflow.reporting.ReportDownloads;
import org.qipflow.reporting.ReportInterventions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The results link's downloads, and the answer to a coordinator's data query through its link. */
@Controller
class ResultsAndQueriesController {

    private final TaskPages pages;
    private final LeadLinks links;
    private final CycleService cycles;
    private final ReportDownloads downloads;
    private final DataQueries queries;
    private final ReportInterventions interventions;

    ResultsAndQueriesController(TaskPages pages, LeadLinks links, CycleService cycles, ReportDownloads downloads,
            DataQueries queries, ReportInterventions interventions) {
        this.interventions = interventions;
        this.pages = pages;
        this.links = links;
        this.cycles = cycles;
        this.downloads = downloads;
        this.queries = queries;
    }

    /** The report as PDF, action plan or slides, once results are published. */
    @GetMapping({"/tasks/{token}/results.pdf", "/tasks/{token}/action-plan.docx", "/tasks/{token}/slides.pptx"})
    ResponseEntity<byte[]> resultsDocument(@PathVariable String token, HttpServletRequest request) {
        Optional<LeadLink> link = published(token);
        if (link.isEmpty()) {
            return TaskPages.toTaskPage(token);
        }
        String uri = request.getRequestURI();
        ReportDocument document = ReportDocument.byFileName(uri.substring(uri.lastIndexOf('/') + 1)).orElseThrow();
        return downloads.download(cycles.get(link.get().cycleId()), link.get().organisationCode(), document);
    }

    /** A change intervention's file offered with the results, once they are published. */
    @GetMapping("/tasks/{token}/interventions/{id}")
    ResponseEntity<byte[]> intervention(@PathVariable String token, @PathVariable long id) {
        return published(token).map(link -> interventions.download(cycles.get(link.cycleId()), id))
                .orElseGet(() -> TaskPages.toTaskPage(token));
    }

    /** The results link, while it works and once the results are published; otherwise its page says why. */
    private Optional<LeadLink> published(String token) {
        return links.usable(token, LeadTask.VIEW_RESULTS).filter(link -> cycles.get(link.cycleId()).publishedAt() != null);
    }

    /** The lead's answer to a data query; the link then stops working. */
    @PostMapping("/tasks/{token}/answer")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer, Model model,
            HttpServletResponse response) {
        Optional<TaskContext> found = pages.usable(token, LeadTask.ANSWER_QUERY, model);
        if (found.isEmpty()) {
            return pages.show(token, model, response);
        }
        long queryId = found.get().link().queryId();
        try {
            model.addAttribute("query", queries.answer(queryId, answer));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            FormErrors.show(model, e.problems());
            model.addAttribute("answerEntered", answer);
        } catch (ConflictException e) {
            model.addAttribute("notice", e.getMessage());
        }
        FormErrors.noneYet(model);
        return "tasks/query";
    }
}
