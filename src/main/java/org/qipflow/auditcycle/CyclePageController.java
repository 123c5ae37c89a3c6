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

import org.qipflow.common.Choice;
import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.common.UkDateTimes;
import org.qipflow.membership.OrganisationService;
import org.qipflow.participation.CoordinatorFollowUp;
import org.qipflow.participation.ParticipantStatus;
import org.qipflow.participation.ParticipationService;
import org.qipflow.participation.SubmissionTracker;
import org.qipflow.participation.TrackerRow;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
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
    private final CoordinatorFollowUp followUp;
    private final SubmissionTracker submissions;
    private final CycleTracker tracker;
    private final OrganisationService organisations;
    private final Clock clock;

    CyclePageController(CycleService cycles, ParticipationService participation, CoordinatorFollowUp followUp,
            SubmissionTracker submissions,
            CycleTracker tracker, OrganisationService organisations, Clock clock) {
        this.cycles = cycles;
        this.participation = participation;
        this.followUp = followUp;
        this.submissions = submissions;
        this.tracker = tracker;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        Cycle cycle = cycles.get(id);
        List<TrackerRow> rows = submissions.rows(id);
        Set<String> taking = rows.stream().map(r -> r.participant().organisationCode()).collect(Collectors.toSet());
        model.addAttribute("cycle", cycle);
        model.addAttribute("rows", rows);
        model.addAttribute("milestones", Milestone.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute("lateSubmissionsEnd", participation.lateSubmissionsEnd(id));
        model.addAttribute("canJoin", cycle.milestones().get(Milestone.SUBMISSION_CLOSES).toInstant()
                .isAfter(clock.instant()));
        model.addAttribute("candidates", organisations.list(true).stream().filter(o -> !taking.contains(o.code()))
                .map(o -> Choice.of(o.code(), o.name() + " (" + o.code() + ")")).toList());
        CycleStage stage = tracker.stage(id);
        model.addAttribute("awaitingReview", stage == CycleStage.AWAITING_REVIEW);
        model.addAttribute("submissionOpen", stage == CycleStage.SUBMISSION_OPEN);
        model.addAttribute("working", stage.working());
        model.addAttribute("notSubmitted", rows.stream().filter(r -> r.participant().status().open()).count());
        model.addAttribute("counts", rows.stream().collect(Collectors.groupingBy(r -> r.participant().status(),
                () -> new EnumMap<>(ParticipantStatus.class), Collectors.counting())));
        FormErrors.noneYet(model);
        return "cycles/show";
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
        } catch (ConflictException | NotFoundException e) {
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
            FormErrors.show(model, e.problems());
            return show(id, model);
        }
    }

    @PostMapping("/participants/{code}/reminder")
    String remind(@PathVariable long id, @PathVariable String code, Model model, RedirectAttributes redirect) {
        try {
            followUp.remindNow(id, code);
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

    /** The cycle page again, with one problem at the top. */
    private String problem(long id, Model model, FieldProblem problem) {
        FormErrors.show(model, problem);
        return show(id, model);
    }
}
