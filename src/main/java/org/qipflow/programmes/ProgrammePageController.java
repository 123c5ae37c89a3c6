package org.qipflow.programmes;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qipflow.common.Choice;
import org.qipflow.common.ConflictException;
import org.qipflow.common.Dates;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkDateTimes;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.AuditDefinitions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators' pages for programmes and for scheduling their cycles. */
@Controller
@RequestMapping("/programmes")
class ProgrammePageController {

    private final ProgrammeService programmes;
    private final CycleService cycles;
    private final AuditDefinitions definitions;

    ProgrammePageController(ProgrammeService programmes, CycleService cycles, AuditDefinitions definitions) {
        this.programmes = programmes;
        this.cycles = cycles;
        this.definitions = definitions;
    }

    /** The definitions a new programme can follow, for the page's choice. */
    @ModelAttribute("definitions")
    List<Choice> definitions() {
        return definitions.all().stream().sorted(Comparator.comparing(AuditDefinition::title))
                .map(d -> Choice.of(d.id(), d.title(),
                        d.id() + ", version " + d.version() + " · " + d.standards().size() + " standards"))
                .toList();
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
        model.addAttribute("form", form("code", code, "title", title, "auditDefinition", auditDefinition));
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

    @GetMapping("/{code}")
    String show(@PathVariable String code, Model model) {
        Programme programme = programmes.get(code);
        model.addAttribute("programme", programme);
        model.addAttribute("cycles", cycles.cyclesOf(programme.code()).stream().map(c -> Map.of(
                "id", c.id(), "name", c.kind().label() + " (cycle " + c.number() + ")",
                "start", Dates.format(c.milestones().get(Milestone.DATA_COLLECTION_START)),
                "closes", Dates.format(c.milestones().get(Milestone.SUBMISSION_CLOSES)),
                "reportDue", Dates.format(c.milestones().get(Milestone.REPORT_DUE)))).toList());
        model.addAttribute("kinds", CycleKind.values());
        model.addAttribute("problems", List.of());
        FormErrors.noneYet(model);
        model.asMap().putIfAbsent("form", Map.of());
        return "programmes/show";
    }

    /** Schedules a cycle from its data-collection start date; every other date is derived and can be moved later. */
    @PostMapping("/{code}/cycles")
    String schedule(@PathVariable String code, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String dataCollectionStart, Model model, RedirectAttributes redirect) {
        model.addAttribute("form", form("kind", kind, "dataCollectionStart", dataCollectionStart));
        try {
            CycleKind cycleKind = kind == null || kind.isBlank() ? null : CycleKind.valueOf(kind);
            ZonedDateTime start = dataCollectionStart == null || dataCollectionStart.isBlank() ? null
                    : UkDateTimes.parse("dataCollectionStart", dataCollectionStart, LocalTime.of(9, 0));
            Map<Milestone, ZonedDateTime> none = new EnumMap<>(Milestone.class);
            Cycle cycle = cycles.schedule(code, cycleKind, start, none);
            redirect.addFlashAttribute("flash", cycle.title() + " has been scheduled");
            return "redirect:/cycles/" + cycle.id();
        } catch (InvalidInputException e) {
            show(code, model);
            FormErrors.show(model, e.problems());
            return "programmes/show";
        }
    }

    /** Gives a draft programme, adopted from a topic, the audit definition its rounds will use. */
    @PostMapping("/{code}/definition")
    String attachDefinition(@PathVariable String code, @RequestParam(required = false) String auditDefinition,
            Model model, RedirectAttributes redirect) {
        try {
            Programme programme = programmes.attachDefinition(code, auditDefinition);
            redirect.addFlashAttribute("flash", programme.code() + " now uses the audit definition "
                    + programme.auditDefinition() + "; schedule its baseline below");
            return "redirect:/programmes/" + programme.code();
        } catch (InvalidInputException e) {
            show(code, model);
            FormErrors.show(model, e.problems());
            return "programmes/show";
        }
    }

    /** What the coordinator typed, to show again next to the errors. */
    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return values;
    }
}
