package org.qipflow.auditcycle;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkDateTimes;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.reporting.Scope;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's cycle page: timeline, live submission tracker, and the buttons that act on them. */
@Controller
@RequestMapping("/cycles/{id}")
class CyclePageController {

    private static final String FLASH = "flash";

    private final CycleService cycles;
    private final ParticipationService participation;
    private final CycleTracker tracker;
    private final OrganisationService organisations;
    private final RecordService records;
    private final DataQueries queries;
    private final CycleAnalysis analysis;
    private final Clock clock;

    CyclePageController(CycleService cycles, ParticipationService participation, CycleTracker tracker,
            OrganisationService organisations, RecordService records, DataQueries queries, CycleAnalysis analysis,
            Clock clock) {
        this.analysis = analysis;
        this.records = records;
        this.queries = queries;
        this.cycles = cycles;
        this.participation = participation;
        this.tracker = tracker;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        Cycle cycle = cycles.get(id);
        List<TrackerRow> rows = tracker.rows(id);
        Set<String> taking = rows.stream().map(r -> r.participant().organisationCode()).collect(Collectors.toSet());
        model.addAttribute("cycle", cycle);
        model.addAttribute("rows", rows);
        model.addAttribute("milestones", Milestone.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute("lateSubmissionsEnd", participation.lateSubmissionsEnd(id));
        model.addAttribute("canJoin", cycle.milestones().get(Milestone.SUBMISSION_CLOSES).toInstant()
                .isAfter(clock.instant()));
        model.addAttribute("candidates", organisations.list(true).stream()
                .filter(o -> !taking.contains(o.code())).toList());
        boolean awaitingReview = tracker.awaitingReview(id);
        boolean submissionOpen = tracker.submissionOpen(id);
        model.addAttribute("awaitingReview", awaitingReview);
        model.addAttribute("submissionOpen", submissionOpen);
        model.addAttribute("working", working(cycle, submissionOpen, awaitingReview));
        model.addAttribute("notSubmitted", rows.stream().filter(r -> r.participant().status().open()).count());
        model.addAttribute("counts", rows.stream().collect(Collectors.groupingBy(r -> r.participant().status(),
                () -> new EnumMap<>(ParticipantStatus.class), Collectors.counting())));
        model.asMap().putIfAbsent("problems", List.of());
        model.asMap().putIfAbsent("errors", Map.of());
        return "cycles/show";
    }

    /** What the cycle's background steps are doing, or null when they wait for nobody but people. */
    private String working(Cycle cycle, boolean submissionOpen, boolean awaitingReview) {
        if (submissionOpen || awaitingReview || cycle.publishedAt() != null) {
            return null;
        }
        if (cycle.closedAt() == null) {
            return "Closing submission";
        }
        return analysis.figures(cycle.id()).isEmpty() ? "Analysing the data" : "Publishing the reports";
    }

    @PostMapping("/participants")
    String join(@PathVariable long id, @RequestParam(required = false) List<String> organisationCodes, Model model,
            RedirectAttributes redirect) {
        if (organisationCodes == null || organisationCodes.isEmpty()) {
            return problem(id, model, new FieldProblem("organisationCodes", "Select the organisations that take part"));
        }
        int added;
        try {
            added = participation.joinAll(id, organisationCodes);
        } catch (ConflictException | org.qipflow.common.NotFoundException e) {
            return problem(id, model, new FieldProblem("organisationCodes", e.getMessage()));
        }
        redirect.addFlashAttribute(FLASH, added + " organisation(s) added; each gets the audit materials "
                + "on the dispatch date, or now if it has passed");
        return "redirect:/cycles/" + id;
    }

    @PostMapping("/milestones")
    String reschedule(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Cycle cycle = cycles.get(id);
        Map<Milestone, ZonedDateTime> changes = new EnumMap<>(Milestone.class);
        List<FieldProblem> problems = new ArrayList<>();
        for (Milestone m : Milestone.values()) {
            String value = form.get("milestones." + m.key());
            if (value != null && !value.isBlank()) {
                try {
                    changes.put(m, UkDateTimes.parse("milestones." + m.key(), value, LocalTime.of(17, 0)));
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Cycle moved = cycles.reschedule(id, changes);
            redirect.addFlashAttribute(FLASH, moved.version() == cycle.version() ? "No date changed"
                    : "Dates saved; running timers moved and the local leads still involved have been emailed");
            return "redirect:/cycles/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("errors", FieldProblem.byField(e.problems()));
            return show(id, model);
        }
    }

    /** The analysed figures, exact, for the coordinator's review before publication. */
    @GetMapping("/results")
    String results(@PathVariable long id, Model model) {
        Cycle cycle = cycles.get(id);
        var definition = records.definitionOf(id);
        var figures = analysis.figures(id);
        var aliases = analysis.aliases(id);
        var names = new java.util.HashMap<String, String>();
        organisations.list(null).forEach(o -> names.put(o.code(), o.name()));
        model.addAttribute("cycle", cycle);
        model.addAttribute("standards", definition.standards());
        model.addAttribute("national", figures.stream().filter(f -> f.scope() == Scope.NATIONAL).toList());
        model.addAttribute("organisations", figures.stream().filter(f -> f.scope() == Scope.ORGANISATION).toList());
        model.addAttribute("aliases", aliases);
        model.addAttribute("names", names);
        model.addAttribute("awaitingReview", tracker.awaitingReview(id));
        return "cycles/results";
    }

    /** One organisation's data: records with their checks, its figures, the history and data queries. */
    @GetMapping("/organisations/{code}")
    String organisationData(@PathVariable long id, @PathVariable String code, Model model) {
        Cycle cycle = cycles.get(id);
        Participant participant = participation.participant(id, code);
        var definition = records.definitionOf(id);
        model.addAttribute("cycle", cycle);
        model.addAttribute("organisation", organisations.get(participant.organisationCode()));
        model.addAttribute("participant", participant);
        model.addAttribute("definition", definition);
        model.addAttribute("records", records.quality(id, participant.organisationCode()));
        model.addAttribute("figures", records.figures(id, participant.organisationCode()));
        model.addAttribute("history", records.history(id, participant.organisationCode()).stream().limit(50).toList());
        model.addAttribute("queries", queries.of(id, participant.organisationCode()));
        model.asMap().putIfAbsent("problems", List.of());
        model.asMap().putIfAbsent("errors", Map.of());
        return "cycles/organisation";
    }

    @PostMapping("/organisations/{code}/queries")
    String ask(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) String question,
            @RequestParam(required = false) Long recordId, Model model, RedirectAttributes redirect,
            java.security.Principal who) {
        try {
            queries.ask(id, code, recordId, question, who.getName());
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("errors", FieldProblem.byField(e.problems()));
            model.addAttribute("questionEntered", question);
            return organisationData(id, code, model);
        }
        redirect.addFlashAttribute(FLASH, "Your question has been emailed to the local lead, with a link to answer it");
        return "redirect:/cycles/" + id + "/organisations/" + code;
    }

    @GetMapping("/participants/{code}/extension")
    String extensionForm(@PathVariable long id, @PathVariable String code, Model model) {
        model.addAttribute("cycle", cycles.get(id));
        model.addAttribute("organisation", organisations.get(code));
        model.addAttribute("deadline", participation.deadline(id, code));
        model.asMap().putIfAbsent("problems", List.of());
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", Map.of());
        return "cycles/extension";
    }

    @PostMapping("/participants/{code}/extension")
    String extend(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) String deadline,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("form", Map.of("deadline", deadline == null ? "" : deadline));
        try {
            if (deadline == null || deadline.isBlank()) {
                throw new InvalidInputException("deadline", "Enter the new deadline");
            }
            participation.extendDeadline(id, code, UkDateTimes.parse("deadline", deadline, LocalTime.of(17, 0)));
            Organisation organisation = organisations.get(code);
            redirect.addFlashAttribute(FLASH, organisation.name() + "'s deadline is extended; its lead has been emailed");
            return "redirect:/cycles/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("errors", FieldProblem.byField(e.problems()));
        } catch (ConflictException e) {
            model.addAttribute("problems", List.of(new FieldProblem("deadline", e.getMessage())));
            model.addAttribute("errors", Map.of("deadline", e.getMessage()));
        }
        return extensionForm(id, code, model);
    }

    @PostMapping("/participants/{code}/reminder")
    String remind(@PathVariable long id, @PathVariable String code, Model model, RedirectAttributes redirect) {
        try {
            participation.remindNow(id, code);
        } catch (ConflictException e) {
            return problem(id, model, new FieldProblem(null, e.getMessage()));
        }
        redirect.addFlashAttribute(FLASH, "A reminder with a fresh link has been sent to the local lead of " + code);
        return "redirect:/cycles/" + id;
    }

    @PostMapping("/submission-closure")
    String closeSubmission(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            tracker.closeSubmissionNow(id);
        } catch (ConflictException e) {
            return problem(id, model, new FieldProblem(null, e.getMessage()));
        }
        redirect.addFlashAttribute(FLASH, "Submission has closed and the analysis is running; the reports will be "
                + "ready to review on this page in a few moments");
        return "redirect:/cycles/" + id;
    }

    @PostMapping("/publication")
    String publish(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            tracker.publish(id);
        } catch (ConflictException e) {
            return problem(id, model, new FieldProblem(null, e.getMessage()));
        }
        redirect.addFlashAttribute(FLASH, "Reports published; every organisation that submitted has been emailed its link");
        return "redirect:/cycles/" + id;
    }

    private String problem(long id, Model model, FieldProblem problem) {
        model.addAttribute("problems", List.of(problem));
        model.addAttribute("errors", FieldProblem.byField(List.of(problem)));
        return show(id, model);
    }
}
