package org.qipflow.lifecycle;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.qipflow.common.Choice;
import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkDateTimes;
import org.qipflow.definitions.AuditDefinitions;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.Programme;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A programme's page: its history as a timeline and the coordinator's next step, whichever it is:
 * attach the audit definition, schedule a round (dates proposed), set the intervention period, close.
 */
@Controller
@RequestMapping("/programmes/{code}")
class ProgrammeTimelineController {

    private final ProgrammeHistory history;
    private final ProgrammeService programmes;
    private final CycleService cycles;
    private final AuditDefinitions definitions;
    private final TimelineHtml timelines;

    ProgrammeTimelineController(ProgrammeHistory history, ProgrammeService programmes, CycleService cycles,
            AuditDefinitions definitions, TimelineHtml timelines) {
        this.history = history;
        this.programmes = programmes;
        this.cycles = cycles;
        this.definitions = definitions;
        this.timelines = timelines;
    }

    @GetMapping
    String show(@PathVariable String code, Model model) {
        ProgrammeHistory.History programme = history.of(code);
        model.addAttribute("programme", programme);
        model.addAttribute("timeline", timelines.of(programme));
        model.addAttribute("definitions", definitions.choices());
        boolean hasBaseline = !programme.rounds().isEmpty();
        model.addAttribute("kinds", (hasBaseline ? List.of(CycleKind.REAUDIT, CycleKind.SUPPLEMENTARY)
                : List.of(CycleKind.BASELINE)).stream().map(k -> (Choice) k).toList());
        model.addAttribute("running", programme.rounds().stream().anyMatch(r -> r.publishedAt() == null));
        Map<String, String> form = FormErrors.typed("kind", hasBaseline ? "" : CycleKind.BASELINE.name(),
                "dataCollectionStart", programme.next().proposedMilestones() == null ? ""
                        : programme.next().proposedMilestones().get(Milestone.DATA_COLLECTION_START.key()).substring(0, 10),
                "interventionMonths", String.valueOf(programme.interventionMonths()));
        if (model.getAttribute("form") instanceof Map<?, ?> typed) {
            typed.forEach((name, value) -> form.put((String) name, (String) value));
        }
        model.addAttribute("form", form);
        FormErrors.noneYet(model);
        return "programmes/show";
    }

    /** Schedules a round from its data-collection start date; every other date is derived and can be moved later. */
    @PostMapping("/cycles")
    String schedule(@PathVariable String code, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String dataCollectionStart, Model model, RedirectAttributes redirect) {
        try {
            CycleKind cycleKind = kind == null || kind.isBlank() ? null : CycleKind.valueOf(kind);
            ZonedDateTime start = dataCollectionStart == null || dataCollectionStart.isBlank() ? null
                    : UkDateTimes.parse("dataCollectionStart", dataCollectionStart, LocalTime.of(9, 0));
            Cycle cycle = cycles.schedule(code, cycleKind, start, new EnumMap<>(Milestone.class));
            redirect.addFlashAttribute("flash", cycle.title() + " has been scheduled");
            return "redirect:/cycles/" + cycle.id();
        } catch (InvalidInputException e) {
            return again(code, model, e.problems(), "kind", kind, "dataCollectionStart", dataCollectionStart);
        } catch (ConflictException e) {
            return again(code, model, List.of(new FieldProblem("kind", e.getMessage())), "kind", kind,
                    "dataCollectionStart", dataCollectionStart);
        }
    }

    /** Gives a draft programme, adopted from a topic, the audit definition its rounds will use. */
    @PostMapping("/definition")
    String attachDefinition(@PathVariable String code, @RequestParam(required = false) String auditDefinition,
            Model model, RedirectAttributes redirect) {
        try {
            Programme programme = programmes.attachDefinition(code, auditDefinition);
            redirect.addFlashAttribute("flash", programme.code() + " now uses the audit definition "
                    + programme.auditDefinition() + "; schedule its baseline below");
            return "redirect:/programmes/" + programme.code();
        } catch (InvalidInputException e) {
            return again(code, model, e.problems(), "auditDefinition", auditDefinition);
        }
    }

    @PostMapping("/intervention-period")
    String interventionPeriod(@PathVariable String code, @RequestParam(required = false) String interventionMonths,
            Model model, RedirectAttributes redirect) {
        try {
            Programme programme = programmes.setInterventionPeriod(code, interventionMonths);
            redirect.addFlashAttribute("flash", programme.code() + "'s intervention period is now "
                    + programme.interventionMonths() + (programme.interventionMonths() == 1 ? " month" : " months"));
            return "redirect:/programmes/" + programme.code();
        } catch (InvalidInputException e) {
            return again(code, model, e.problems(), "interventionMonths", interventionMonths);
        }
    }

    /** Closing is the coordinator's decision, refused while a round runs (the conflict page says why). */
    @PostMapping("/closure")
    String close(@PathVariable String code, RedirectAttributes redirect) {
        Programme programme = programmes.close(code);
        redirect.addFlashAttribute("flash", programme.code() + " is closed: it has no more rounds");
        return "redirect:/programmes/" + programme.code();
    }

    private String again(String code, Model model, List<FieldProblem> problems, String... typed) {
        model.addAttribute("form", FormErrors.typed(typed));
        FormErrors.show(model, problems);
        return show(code, model);
    }
}
