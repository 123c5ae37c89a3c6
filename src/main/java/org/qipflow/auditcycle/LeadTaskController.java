package org.qipflow.auditcycle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.qipflow.common.ConflictException;
import org.qipflow.common.Dates;
import org.qipflow.common.EmailedLinkRequests;
import org.qipflow.common.RequestBudget;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.RejectedFileException;
import org.qipflow.submissions.UploadResult;
import org.springframework.web.multipart.MultipartFile;
import org.qipflow.common.UkTime;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.reporting.ReportDocument;
import org.qipflow.reporting.ReportDownloads;
import org.qipflow.reporting.Reports;
import org.qipflow.submissions.AuditRecord;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.qipflow.submissions.RecordService;
import org.springframework.util.MultiValueMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Local leads' pages, reached from email links without an account. GET only shows (mail scanners
 * follow links); a POST with the page's CSRF token acts, and only while the link and its task are open.
 */
@Controller
class LeadTaskController {

    private static final int TOKEN_LENGTH = 43;

    private final LeadLinks links;
    private final ParticipationService participation;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final RecordService records;
    private final DataQueries queries;
    private final Reports reports;
    private final ReportDownloads downloads;
    private final Clock clock;
    private final EmailedLinkRequests linkRequests;

    LeadTaskController(LeadLinks links, ParticipationService participation, CycleService cycles,
            OrganisationService organisations, RecordService records, DataQueries queries, Reports reports,
            ReportDownloads downloads, Clock clock, EmailedLinkRequests linkRequests) {
        this.linkRequests = linkRequests;
        this.reports = reports;
        this.downloads = downloads;
        this.records = records;
        this.queries = queries;
        this.links = links;
        this.participation = participation;
        this.cycles = cycles;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Without a token (an address cut short): the page that asks for the organisation and emails its lead. */
    @GetMapping({"/tasks", "/tasks/"})
    String noToken(Model model) {
        model.addAttribute("problem", "unknown");
        return "tasks/link-problem";
    }

    @GetMapping("/tasks/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
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
        Context context = context(link, model);
        if (!link.usableAt(clock.instant())) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("problem", link.link().revokedAt() == null ? "expired"
                    : link.link().replaced() ? "replaced" : "used");
            model.addAttribute("token", token);
            return "tasks/link-problem";
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return page(context, model);
    }

    @PostMapping("/tasks/{token}/confirm")
    String confirm(@PathVariable String token, @RequestParam(required = false) Boolean takingPart,
            @RequestParam(required = false) String teams, Model model, HttpServletResponse response) {
        return act(token, LeadTask.CONFIRM_PARTICIPATION, model, response, context -> {
            model.addAttribute("teamsEntered", teams);
            model.addAttribute("takingPartEntered", takingPart);
            participation.confirm(context.cycle().id(), context.organisation().code(), takingPart,
                    teams == null ? List.of() : List.of(teams));
        });
    }

    @PostMapping("/tasks/{token}/submit")
    String submit(@PathVariable String token, @RequestParam(required = false) String declaration, Model model,
            HttpServletResponse response) {
        return act(token, LeadTask.SUBMIT_DATA, model, response, context -> {
            if (declaration == null) {
                throw new InvalidInputException("declaration",
                        "Confirm that your organisation's data for this cycle are complete");
            }
            participation.submit(context.cycle().id(), context.organisation().code());
        });
    }

    @PostMapping("/tasks/{token}/records/upload")
    String upload(@PathVariable String token, @RequestParam(required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes backToRecords) {
        return act(token, LeadTask.SUBMIT_DATA, model, response, context -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "Choose an Excel or CSV file to upload");
            }
            try {
                UploadResult result = participation.uploadRecords(context.cycle().id(), context.organisation().code(),
                        file.getInputStream(), file.getOriginalFilename(), changedBy(context));
                model.addAttribute("notice", file.getOriginalFilename() + ": " + result.created() + " added, "
                        + result.updated() + " updated, " + result.unchanged() + " unchanged");
            } catch (RejectedFileException e) {
                if (e.problems().size() == 1 && e.problems().get(0).aboutWholeFile()) {
                    throw new InvalidInputException("file", e.problems().get(0).message()); // one sentence says it all
                }
                model.addAttribute("uploadProblems", e.problems());
                throw new InvalidInputException("file", file.getOriginalFilename() + " was not stored: fix the "
                        + e.problems().size() + " problem(s) listed and upload it again");
            } catch (IOException e) {
                throw new InvalidInputException("file", "The file could not be received in full; upload it again");
            }
        }, backToRecords);
    }

    @PostMapping("/tasks/{token}/records/{recordId}/delete")
    String deleteRecord(@PathVariable String token, @PathVariable long recordId, Model model,
            HttpServletResponse response, RedirectAttributes backToRecords) {
        return act(token, LeadTask.SUBMIT_DATA, model, response, context -> {
            participation.deleteRecord(context.cycle().id(), context.organisation().code(), recordId,
                    changedBy(context));
            model.addAttribute("notice", "The record has been deleted");
        }, backToRecords);
    }

    /** The form for one record, generated from the audit definition; empty for a new record. */
    @GetMapping({"/tasks/{token}/records/new", "/tasks/{token}/records/{recordId}"})
    String recordForm(@PathVariable String token, @PathVariable(required = false) Long recordId, Model model,
            HttpServletResponse response) {
        Optional<LeadLink> link = links.usable(token, LeadTask.SUBMIT_DATA);
        if (link.isEmpty()) {
            return show(token, model, response);
        }
        Context context = context(link.get(), model);
        model.addAttribute("token", token);
        model.addAttribute("definition", records.definitionOf(context.cycle().id()));
        model.addAttribute("errors", Map.of());
        if (recordId != null) {
            AuditRecord record = records.get(context.cycle().id(), context.organisation().code(), recordId);
            model.addAttribute("answers", record.answers());
            model.addAttribute("team", record.teamCode());
            model.addAttribute("pseudonym", record.pseudonym());
            model.addAttribute("recordId", record.id());
        } else {
            model.addAttribute("answers", Map.of());
        }
        return "tasks/record";
    }

    @PostMapping("/tasks/{token}/records")
    String saveRecord(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes backToRecords) {
        Map<String, String> answers = new java.util.HashMap<>();
        form.forEach((name, values) -> answers.put(name, String.join("|", values)));
        String recordIdText = form.getFirst("recordId");
        Long recordId = recordIdText == null || recordIdText.isBlank() ? null : Long.valueOf(recordIdText);
        return act(token, LeadTask.SUBMIT_DATA, model, response, context -> {
            model.addAttribute("definition", records.definitionOf(context.cycle().id()));
            model.addAttribute("answers", answers);
            model.addAttribute("team", form.getFirst("team"));
            model.addAttribute("pseudonym", form.getFirst("pseudonym"));
            model.addAttribute("recordId", recordId);
            try {
                participation.saveRecord(context.cycle().id(), context.organisation().code(), recordId,
                        form.getFirst("team"), form.getFirst("pseudonym"), answers, changedBy(context));
            } catch (InvalidInputException e) {
                model.addAttribute("recordForm", true);
                throw e;
            }
            model.addAttribute("notice", "The record has been saved");
        }, backToRecords);
    }

    /**
     * The organisation's own records are for its signed-in lead only: a link that anyone the email
     * reaches could forward does not download them (the report does not name a patient; records might).
     */
    @GetMapping({"/tasks/{token}/export.xlsx", "/tasks/{token}/export.csv"})
    ResponseEntity<byte[]> recordsNeedSignIn() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/leads/sign-in?records")).build();
    }

    /** The report as PDF, action plan or slides, once results are published. */
    @GetMapping({"/tasks/{token}/results.pdf", "/tasks/{token}/action-plan.docx", "/tasks/{token}/slides.pptx"})
    ResponseEntity<byte[]> resultsDocument(@PathVariable String token, jakarta.servlet.http.HttpServletRequest request) {
        LeadLink link = links.usable(token, LeadTask.VIEW_RESULTS).orElse(null);
        if (link == null) {
            return toTaskPage(token);
        }
        Cycle cycle = cycles.get(link.cycleId());
        if (cycle.publishedAt() == null) {
            return toTaskPage(token);
        }
        String uri = request.getRequestURI();
        ReportDocument document = ReportDocument.byFileName(uri.substring(uri.lastIndexOf('/') + 1)).orElseThrow();
        return downloads.download(cycle, link.organisationCode(), document);
    }

    /** Who changed a record, for its history: the organisation's lead of the day, through their link. */
    static String changedBy(Context context) {
        return "local lead " + context.organisation().localLead().email() + " (link)";
    }

    /** The lead's answer to a data query; the link then stops working. */
    @PostMapping("/tasks/{token}/answer")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer, Model model,
            HttpServletResponse response) {
        LeadLink link = links.usable(token, LeadTask.ANSWER_QUERY).orElse(null);
        if (link == null) {
            return show(token, model, response);
        }
        context(link, model);
        model.addAttribute("token", token);
        try {
            model.addAttribute("query", queries.answer(link.queryId(), answer));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems());
            model.addAttribute("errors", FieldProblem.byField(e.problems()));
            model.addAttribute("answerEntered", answer);
        } catch (ConflictException e) {
            model.addAttribute("notice", e.getMessage());
        }
        model.asMap().putIfAbsent("errors", Map.of());
        return "tasks/query";
    }

    /** Emails fresh links to the lead on record for this link's organisation, whoever asks. */
    @PostMapping("/tasks/{token}/new-link")
    String newLinkForKnownToken(@PathVariable String token, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<LeadLink> link = links.find(token);
        if (link.isEmpty()) {
            return noToken(model); // nothing to go on but the organisation's code
        }
        return freshLinks(link.get().organisationCode(), model, request, response);
    }

    /** For an unrecognised link: fresh links go to the lead on record of the organisation named. */
    @PostMapping("/tasks/new-link")
    String newLink(@RequestParam(required = false) String organisationCode, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (organisationCode == null || organisationCode.isBlank()) {
            return askForCode(model, response, "Enter your organisation's code, for example RV3");
        }
        return freshLinks(organisationCode, model, request, response);
    }

    /** Says exactly what happened: sent now, sent within the hour, nothing open, or no such organisation. */
    private String freshLinks(String organisationCode, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<RequestBudget.Refusal> refused = linkRequests.refused(request);
        if (refused.isPresent()) {
            return EmailedLinkRequests.refusal(refused.get(), model, response);
        }
        FreshLinks outcome;
        try {
            outcome = participation.sendFreshLinks(organisationCode);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException sameRequestAtTheSameMoment) {
            // a twin request wrote this hour's email first, and this one's links were taken back with it
            outcome = FreshLinks.SENT_RECENTLY;
        }
        if (outcome == FreshLinks.NO_SUCH_ORGANISATION) {
            return askForCode(model, response, "No member organisation has the code " + organisationCode.trim()
                    + ": check the code in an earlier email from the programme team, or ask them");
        }
        model.addAttribute("outcome", outcome.name());
        model.addAttribute("organisation", organisations.get(organisationCode.trim().toUpperCase(Locale.ROOT)));
        return "tasks/new-link-sent";
    }

    private static String askForCode(Model model, HttpServletResponse response, String problem) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", "unknown");
        model.addAttribute("problems", List.of(new FieldProblem("organisationCode", problem)));
        return "tasks/link-problem";
    }

    /** A download through a link that no longer works goes to the link's page, which says why and offers fresh ones. */
    static ResponseEntity<byte[]> toTaskPage(String token) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(UriComponentsBuilder.fromPath("/tasks/{token}").buildAndExpand(token).encode().toUri()).build();
    }

    private interface Action {
        void run(Context context);
    }

    private String act(String token, LeadTask task, Model model, HttpServletResponse response, Action action) {
        return act(token, task, model, response, action, null);
    }

    /**
     * @param backToRecords for record changes: afterwards, redirect to the task page with the notice, so
     *        reloading it does not send the change again; without it, show the outcome
     */
    private String act(String token, LeadTask task, Model model, HttpServletResponse response, Action action,
            RedirectAttributes backToRecords) {
        LeadLink link = links.usable(token, task).orElse(null);
        if (link == null) {
            return show(token, model, response);
        }
        Context context = context(link, model);
        model.addAttribute("token", token);
        try {
            action.run(context);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems());
            model.addAttribute("errors", FieldProblem.byField(e.problems()));
            return Boolean.TRUE.equals(model.getAttribute("recordForm")) ? "tasks/record" : page(context, model);
        } catch (ConflictException e) {
            model.addAttribute("notice", e.getMessage());
        }
        if (backToRecords != null) {
            backToRecords.addFlashAttribute("notice", model.getAttribute("notice"));
            return "redirect:/tasks/" + token + "#records";
        }
        context(link, model); // the model again, as the action left things
        model.addAttribute("nextStep", participation.openTask(context.cycle().id(), context.organisation().code())
                .map(Enum::name).orElse(null));
        return "tasks/done";
    }

    record Context(Cycle cycle, Organisation organisation, Participant participant, LeadTask task) {
    }

    private Context context(LeadLink link, Model model) {
        long cycleId = link.cycleId();
        Cycle cycle = cycles.get(cycleId);
        Organisation organisation = organisations.get(link.organisationCode());
        Participant participant = participation.participant(cycleId, organisation.code());
        LeadTask task = link.task();
        if (task == LeadTask.ANSWER_QUERY) {
            model.addAttribute("query", queries.get(link.queryId()));
        }
        model.addAttribute("cycle", cycle);
        model.addAttribute("organisation", organisation);
        model.addAttribute("participant", participant);
        model.addAttribute("task", task.name());
        model.addAttribute("deadline", Dates.format(participation.deadline(cycleId, organisation.code())
                .atZone(UkTime.ZONE)));
        model.addAttribute("milestones", Arrays.stream(Milestone.values())
                .map(m -> Map.of("label", m.label(), "date", Dates.format(cycle.milestones().get(m)))).toList());
        return new Context(cycle, organisation, participant, task);
    }

    /** The records and, while the task is open, the submit button; corrections stay possible until close. */
    private String submissionPage(Context context, Model model) {
        long cycleId = context.cycle().id();
        String code = context.organisation().code();
        boolean canSubmit = participation.isOpen(cycleId, code, LeadTask.SUBMIT_DATA);
        boolean canCorrect = context.participant().status().submitted() && context.cycle().closedAt() == null;
        if (!canSubmit && !canCorrect) {
            return "tasks/done";
        }
        model.addAttribute("canSubmit", canSubmit);
        model.addAttribute("definition", records.definitionOf(cycleId));
        model.addAttribute("records", records.quality(cycleId, code));
        model.asMap().putIfAbsent("uploadProblems", List.of());
        return "tasks/submit";
    }

    private String page(Context context, Model model) {
        model.addAttribute("nextStep", participation.openTask(context.cycle().id(), context.organisation().code())
                .map(Enum::name).orElse(null));
        return switch (context.task()) {
            case CONFIRM_PARTICIPATION -> {
                if (!participation.isOpen(context.cycle().id(), context.organisation().code(),
                        LeadTask.CONFIRM_PARTICIPATION)) {
                    yield "tasks/done";
                }
                List<String> lastRound = participation.teamsOfLastRound(context.cycle().id(),
                        context.organisation().code());
                model.addAttribute("lastRoundTeams", !lastRound.isEmpty());
                model.asMap().putIfAbsent("teamsEntered", String.join(", ", lastRound));
                yield "tasks/confirm";
            }
            case SUBMIT_DATA -> submissionPage(context, model);
            case VIEW_RESULTS -> {
                if (context.cycle().publishedAt() != null) {
                    model.addAttribute("report", reports.forOrganisation(context.cycle().id(),
                            context.organisation().code()));
                }
                yield "tasks/results";
            }
            case ANSWER_QUERY -> "tasks/query";
            case AUDIT_MATERIALS -> {
                model.addAttribute("definition", records.definitionOf(context.cycle().id()));
                yield "tasks/materials";
            }
        };
    }
}
