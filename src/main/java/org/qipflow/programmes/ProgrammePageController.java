package org.qipflow.programmes;

import java.util.List;
import java.util.Map;

import org.qipflow.common.Choice;
import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.definitions.AuditDefinitions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators' list of programmes and the page that adds one; each programme's own page is its history. */
@Controller
@RequestMapping("/programmes")
class ProgrammePageController {

    private final ProgrammeService programmes;
    private final AuditDefinitions definitions;

    ProgrammePageController(ProgrammeService programmes, AuditDefinitions definitions) {
        this.programmes = programmes;
        this.definitions = definitions;
    }

    /** The definitions a new programme can follow, for the page's choice. */
    @ModelAttribute("definitions")
    List<Choice> definitions() {
        return definitions.choices();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("programmes", programmes.list());
        return "programmes/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("problems", List.of());
        FormErrors.noneYet(model);
        model.addAttribute("form", Map.of());
        return "programmes/new";
    }

    @PostMapping("/new")
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String title,
            @RequestParam(required = false) String auditDefinition, Model model, RedirectAttributes redirect) {
        model.addAttribute("form", FormErrors.typed("code", code, "title", title, "auditDefinition", auditDefinition));
        try {
            Programme programme = programmes.create(code, title, auditDefinition);
            redirect.addFlashAttribute("flash", programme.code() + " has been added");
            return "redirect:/programmes/" + programme.code();
        } catch (InvalidInputException e) {
            FormErrors.show(model, e.problems());
        } catch (ConflictException e) {
            FormErrors.show(model, new FieldProblem("code", e.getMessage()));
        }
        return "programmes/new";
    }
}
