package org.qipflow.leadaccess;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.Choice;
import org.qipflow.common.ConflictException;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.leadaccess.TaskContexts.TaskContext;
import org.qipflow.participation.LeadLink;
import org.qipflow.participation.LeadLinks;
import org.qipflow.participation.LeadTask;
import org.qipflow.participation.LeadTasks;
import org.qipflow.participation.ParticipationService;
import org.qipflow.reporting.OrganisationReport;
import org.qipflow.reporting.ReportInterventions;
import org.qipflow.reporting.Reports;
import org.qipflow.submissions.RecordService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page a lead's link opens, and the one way its forms act: only while the link works and is for
 * that task, with problems shown on the same page and the outcome after. Shared by the task controllers.
 */
@Component
class TaskPages {

    private static final int TOKEN_LENGTH = 43;
    private static final List<Choice> TAKING_PART = List.of(Choice.of("true", "Yes, we are taking part"),
            Choice.of("false", "No, not this time"));
    private static final List<Choice> DECLARATION = List.of(Choice.of("complete",
            "Our organisation's audit data for this cycle are complete and ready for analysis"));

    /** An action behind one of the task page's forms. */
    interface Action {
        void run(TaskContext context);
    }

    private final LeadLinks links;
    private final TaskContexts contexts;
    private final LeadTasks tasks;
    private final ParticipationService participation;
    private final RecordService records;
    private final Reports reports;
    private final ReportInterventions interventions;
    private final Clock clock;

    TaskPages(LeadLinks links, TaskContexts contexts, LeadTasks tasks, ParticipationService participation,
            RecordService records, Reports reports, ReportInterventions interventions, Clock clock) {
        this.interventions = interventions;
        this.links = links;
        this.contexts = contexts;
        this.tasks = tasks;
        this.participation = participation;
        this.records = records;
        this.reports = reports;
        this.clock = clock;
    }

    /** The link's page: its task, or why the link no longer works (with a way to fresh links). */
    String show(String token, Model model, HttpServletResponse response) {
        Optional<LeadLink> found = links.find(token);
        if (found.isEmpty() && token.length() > TOKEN_LENGTH && links.find(token.substring(0, TOKEN_LENGTH)).isPresent()) {
            // a mail program took the full stop or bracket after the address into the link
            return "redirect:/tasks/" + token.substring(0, TOKEN_LENGTH);
        }
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "unknown");
            return "tasks/link-problem";
        }
        LeadLink link = found.get();
        TaskContext context = contexts.of(link, model);
        if (!link.usableAt(clock.instant())) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("problem", link.link().revokedAt() == null ? "expired"
                    : link.link().replaced() ? "replaced" : "used");
            model.addAttribute("token", token);
            return "tasks/link-problem";
        }
        model.addAttribute("token", token);
        FormErrors.noneYet(model);
        return page(context, model);
    }

    /** The link and its page's model, if it works now for this task. */
    Optional<TaskContext> usable(String token, LeadTask task, Model model) {
        Optional<LeadLink> link = links.usable(token, task);
        link.ifPresent(l -> model.addAttribute("token", token));
        return link.map(l -> contexts.of(l, model));
    }

    String act(String token, LeadTask task, Model model, HttpServletResponse response, Action action) {
        return act(token, task, model, response, action, null);
    }

    /**
     * @param backToRecords for record changes: afterwards, redirect to the task page with the notice, so
     *        reloading it does not send the change again; without it, show the outcome
     */
    String act(String token, LeadTask task, Model model, HttpServletResponse response, Action action,
            RedirectAttributes backToRecords) {
        LeadLink link = links.usable(token, task).orElse(null);
        if (link == null) {
            return show(token, model, response);
        }
        TaskContext context = contexts.of(link, model);
        model.addAttribute("token", token);
        try {
            action.run(context);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            FormErrors.show(model, e.problems());
            return Boolean.TRUE.equals(model.getAttribute("recordForm")) ? "tasks/record" : page(context, model);
        } catch (ConflictException e) {
            model.addAttribute("notice", e.getMessage());
        }
        if (backToRecords != null) {
            backToRecords.addFlashAttribute("notice", model.getAttribute("notice"));
            return "redirect:/tasks/" + token + "#records";
        }
        contexts.of(link, model); // the model again, as the action left things
        model.addAttribute("nextStep", nextStep(context));
        return "tasks/done";
    }

    /** A download through a link that no longer works goes to the link's page, which says why and offers fresh ones. */
    static ResponseEntity<byte[]> toTaskPage(String token) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(UriComponentsBuilder.fromPath("/tasks/{token}").buildAndExpand(token).encode().toUri()).build();
    }

    private String nextStep(TaskContext context) {
        return tasks.openTask(context.cycle().id(), context.organisation().code()).map(Enum::name).orElse(null);
    }

    private String page(TaskContext context, Model model) {
        model.addAttribute("nextStep", nextStep(context));
        long cycleId = context.cycle().id();
        String code = context.organisation().code();
        return switch (context.task()) {
            case CONFIRM_PARTICIPATION -> {
                if (!tasks.isOpen(cycleId, code, LeadTask.CONFIRM_PARTICIPATION)) {
                    yield "tasks/done";
                }
                List<String> lastRound = participation.teamsOfLastRound(cycleId, code);
                model.addAttribute("lastRoundTeams", !lastRound.isEmpty());
                model.asMap().putIfAbsent("teamsEntered", String.join(", ", lastRound));
                model.addAttribute("takingPartChoices", TAKING_PART);
                yield "tasks/confirm";
            }
            case SUBMIT_DATA -> submissionPage(context, model);
            case VIEW_RESULTS -> {
                if (context.cycle().publishedAt() != null) {
                    OrganisationReport report = reports.forOrganisation(cycleId, code);
                    model.addAttribute("report", report);
                    model.addAttribute("interventions", interventions.offers(context.cycle(), report));
                }
                yield "tasks/results";
            }
            case ANSWER_QUERY -> "tasks/query";
            case AUDIT_MATERIALS -> {
                model.addAttribute("definition", records.definitionOf(cycleId));
                yield "tasks/materials";
            }
        };
    }

    /** The records and, while the task is open, the submit button; corrections stay possible until close. */
    private String submissionPage(TaskContext context, Model model) {
        long cycleId = context.cycle().id();
        String code = context.organisation().code();
        boolean canSubmit = tasks.isOpen(cycleId, code, LeadTask.SUBMIT_DATA);
        boolean canCorrect = context.participant().status().submitted() && context.cycle().closedAt() == null;
        if (!canSubmit && !canCorrect) {
            return "tasks/done";
        }
        model.addAttribute("canSubmit", canSubmit);
        model.addAttribute("declarationChoices", DECLARATION);
        model.addAttribute("definition", records.definitionOf(cycleId));
        model.addAttribute("records", records.quality(cycleId, code));
        model.asMap().putIfAbsent("uploadProblems", List.of());
        return "tasks/submit";
    }
}
