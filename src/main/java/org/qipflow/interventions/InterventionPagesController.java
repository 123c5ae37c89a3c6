package org.qipflow.interventions;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.qipflow.common.Choice;
import org.qipflow.common.ConflictException;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.definitions.AuditDefinitions;
import org.qipflow.programmes.Programme;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's pages of a programme's change-intervention catalogue. */
@Controller
@RequestMapping("/programmes/{code}/interventions")
class InterventionPagesController {

    private final InterventionCatalogue catalogue;
    private final ProgrammeService programmes;
    private final AuditDefinitions definitions;

    InterventionPagesController(InterventionCatalogue catalogue, ProgrammeService programmes,
            AuditDefinitions definitions) {
        this.catalogue = catalogue;
        this.programmes = programmes;
        this.definitions = definitions;
    }

    @GetMapping
    String list(@PathVariable String code, Model model) {
        options(code, model);
        model.addAttribute("interventions", catalogue.of(code));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FormErrors.typed("title", "", "kind", "", "description", "", "link", "",
                    "roundNumber", ""));
            model.addAttribute("chosenStandards", List.of());
        }
        FormErrors.noneYet(model);
        return "interventions/list";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String code, @PathVariable long id, Model model) {
        options(code, model);
        ChangeIntervention intervention = catalogue.get(code, id);
        if (intervention.withdrawnAt() != null) {
            throw new ConflictException(intervention.title() + " was withdrawn: add it to the catalogue again instead");
        }
        model.addAttribute("intervention", intervention);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FormErrors.typed("title", intervention.title(), "kind", intervention.kind().name(),
                    "description", intervention.description(), "link", intervention.link(), "roundNumber",
                    intervention.roundNumber() == null ? "" : String.valueOf(intervention.roundNumber())));
            model.addAttribute("chosenStandards", intervention.standards());
        }
        FormErrors.noneYet(model);
        return "interventions/edit";
    }

    @PostMapping("/{id}")
    String change(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
            @RequestParam(required = false) String link, @RequestParam(required = false) String roundNumber,
            @RequestParam(required = false) List<String> standards, @RequestParam(required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) throws IOException {
        boolean hasFile = file != null && !file.isEmpty();
        try (InputStream in = hasFile ? file.getInputStream() : InputStream.nullInputStream()) {
            ChangeIntervention changed = catalogue.change(code, id, new InterventionCatalogue.Submission(title, kind,
                    description, link, roundNumber, standards, hasFile ? file.getOriginalFilename() : null, in));
            redirect.addFlashAttribute("flash", changed.title() + " has been changed");
            return "redirect:/programmes/" + changed.programmeCode() + "/interventions";
        } catch (InvalidInputException e) {
            model.addAttribute("form", FormErrors.typed("title", title, "kind", kind, "description", description,
                    "link", link, "roundNumber", roundNumber));
            model.addAttribute("chosenStandards", standards == null ? List.of() : standards);
            FormErrors.show(model, e.problems());
            return edit(code, id, model);
        }
    }

    /** The programme and what its forms offer: the kinds, and the standards of its definition. */
    private void options(String code, Model model) {
        Programme programme = programmes.get(code);
        model.addAttribute("programme", programme);
        model.addAttribute("kinds", List.of(InterventionKind.values()));
        model.addAttribute("standards", programme.auditDefinition() == null ? List.of()
                : definitions.get(programme.auditDefinition()).standards().stream()
                        .map(s -> Choice.of(s.id(), s.id() + ": " + s.text())).toList());
    }

    @PostMapping
    String add(@PathVariable String code, @RequestParam(required = false) String title,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
            @RequestParam(required = false) String link, @RequestParam(required = false) String roundNumber,
            @RequestParam(required = false) List<String> standards, @RequestParam(required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) throws IOException {
        boolean hasFile = file != null && !file.isEmpty();
        try (InputStream in = hasFile ? file.getInputStream() : InputStream.nullInputStream()) {
            ChangeIntervention added = catalogue.add(code, new InterventionCatalogue.Submission(title, kind, description,
                    link, roundNumber, standards, hasFile ? file.getOriginalFilename() : null, in));
            redirect.addFlashAttribute("flash", added.title() + " is in the catalogue: leads see it with their reports");
            return "redirect:/programmes/" + added.programmeCode() + "/interventions";
        } catch (InvalidInputException e) {
            model.addAttribute("form", FormErrors.typed("title", title, "kind", kind, "description", description,
                    "link", link, "roundNumber", roundNumber));
            model.addAttribute("chosenStandards", standards == null ? List.of() : standards);
            FormErrors.show(model, e.problems());
            return list(code, model);
        }
    }

    @PostMapping("/{id}/withdrawal")
    String withdraw(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        catalogue.withdraw(code, id);
        redirect.addFlashAttribute("flash", catalogue.get(id).title() + " is no longer offered; plans that chose it keep it");
        return "redirect:/programmes/" + programmes.get(code).code() + "/interventions";
    }

    @GetMapping("/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable String code, @PathVariable long id) {
        return InterventionDownload.of(catalogue.get(code, id), catalogue.file(id));
    }
}
