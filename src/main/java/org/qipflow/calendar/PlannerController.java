package org.qipflow.calendar;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.Choice;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.PdfDocuments;
import org.qipflow.common.RejectedFileException;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.security.Roles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The yearly planner: the year's cycles for everyone (page and PDF); for coordinators also the draft,
 * edited on screen or loaded from the year's file, and published in one go.
 */
@Controller
class PlannerController {

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final Planner planner;
    private final ProgrammeService programmes;
    private final PdfDocuments pdf;

    PlannerController(Planner planner, ProgrammeService programmes, PdfDocuments pdf) {
        this.planner = planner;
        this.programmes = programmes;
        this.pdf = pdf;
    }

    @GetMapping("/calendar/planner/{year:\\d{4}}")
    String page(@PathVariable int year, Model model) {
        checkYear(year);
        boolean coordinator = Roles.coordinatorAsking();
        model.addAttribute("plan", planner.plan(year, coordinator));
        if (coordinator) {
            model.addAttribute("drafts", planner.drafts(year));
            model.addAttribute("programmes", programmes.list().stream()
                    .map(p -> Choice.of(p.code(), p.code() + " " + p.title())).toList());
            model.addAttribute("kinds", CycleKind.values());
            model.addAttribute("file", planner.file(year).orElse(null));
        }
        FormErrors.noneYet(model);
        return "calendar/planner";
    }

    @GetMapping("/calendar/planner/{year:\\d{4}}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable int year) {
        checkYear(year);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("qipflow-planner-" + year + ".pdf").build().toString())
                .body(pdf.render("calendar/planner-pdf", Map.of("plan", planner.plan(year, false))));
    }

    @PostMapping("/calendar/planner/{year:\\d{4}}/drafts")
    String add(@PathVariable int year, @RequestParam(defaultValue = "") String programme,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String dataCollectionStart,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        checkYear(year);
        try {
            planner.add(year, programme, kind, dataCollectionStart);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            FormErrors.show(model, e.problems());
            model.addAttribute("form", Map.of("programme", programme, "kind", kind,
                    "dataCollectionStart", dataCollectionStart));
            return page(year, model);
        }
        redirect.addFlashAttribute("flash", "Draft cycle added to the " + year + " planner");
        return "redirect:/calendar/planner/" + year;
    }

    @PostMapping("/calendar/planner/{year:\\d{4}}/drafts/{id}/removal")
    String remove(@PathVariable int year, @PathVariable long id, RedirectAttributes redirect) {
        planner.remove(year, id);
        redirect.addFlashAttribute("flash", "Draft cycle removed");
        return "redirect:/calendar/planner/" + year;
    }

    @PostMapping("/calendar/planner/{year:\\d{4}}/file")
    String load(@PathVariable int year, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        checkYear(year);
        try {
            int loaded = planner.loadFile(year);
            redirect.addFlashAttribute("flash", "The draft now holds the " + loaded + " cycles of "
                    + Planner.fileName(year));
        } catch (RejectedFileException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("fileProblems", e.problems());
            return page(year, model);
        }
        return "redirect:/calendar/planner/" + year;
    }

    @PostMapping("/calendar/planner/{year:\\d{4}}/publication")
    String publish(@PathVariable int year, RedirectAttributes redirect) {
        checkYear(year);
        List<Cycle> scheduled = planner.publish(year);
        redirect.addFlashAttribute("flash", scheduled.isEmpty() ? "There were no draft cycles to publish"
                : scheduled.size() + " cycles scheduled: they are in the programme calendar and its feeds now");
        return "redirect:/calendar/planner/" + year;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new org.qipflow.common.NotFoundException("The planner covers " + FIRST_YEAR + " to " + LAST_YEAR);
        }
    }
}
