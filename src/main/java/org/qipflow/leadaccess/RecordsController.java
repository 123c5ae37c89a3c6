package org.qipflow.leadaccess;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.qipflow.common.Choice;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.RejectedFileException;
import org.qipflow.leadaccess.TaskContexts.TaskContext;
import org.qipflow.participation.LeadTask;
import org.qipflow.participation.ParticipantRecords;
import org.qipflow.submissions.AuditRecord;
import org.qipflow.submissions.RecordService;
import org.qipflow.submissions.UploadResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's records through the submission link: upload a file, enter or correct one record
 * in the form generated from the audit definition, delete one. Each change returns to the records.
 */
@Controller
class RecordsController {

    private static final List<Choice> YES_NO = List.of(Choice.of("yes", "Yes"), Choice.of("no", "No"));

    private final TaskPages pages;
    private final ParticipantRecords participantRecords;
    private final RecordService records;

    RecordsController(TaskPages pages, ParticipantRecords participantRecords, RecordService records) {
        this.pages = pages;
        this.participantRecords = participantRecords;
        this.records = records;
    }

    @PostMapping("/tasks/{token}/records/upload")
    String upload(@PathVariable String token, @RequestParam(required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes backToRecords) {
        return pages.act(token, LeadTask.SUBMIT_DATA, model, response, context -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "Choose an Excel or CSV file to upload");
            }
            try {
                UploadResult result = participantRecords.upload(context.cycle().id(), context.organisation().code(),
                        file.getInputStream(), file.getOriginalFilename(), context.changedBy());
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
    String delete(@PathVariable String token, @PathVariable long recordId, Model model,
            HttpServletResponse response, RedirectAttributes backToRecords) {
        return pages.act(token, LeadTask.SUBMIT_DATA, model, response, context -> {
            participantRecords.delete(context.cycle().id(), context.organisation().code(), recordId,
                    context.changedBy());
            model.addAttribute("notice", "The record has been deleted");
        }, backToRecords);
    }

    /** The form for one record, generated from the audit definition; empty for a new record. */
    @GetMapping({"/tasks/{token}/records/new", "/tasks/{token}/records/{recordId}"})
    String form(@PathVariable String token, @PathVariable(required = false) Long recordId, Model model,
            HttpServletResponse response) {
        Optional<TaskContext> found = pages.usable(token, LeadTask.SUBMIT_DATA, model);
        if (found.isEmpty()) {
            return pages.show(token, model, response);
        }
        TaskContext context = found.get();
        recordForm(context, model);
        FormErrors.noneYet(model);
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
    String save(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes backToRecords) {
        Map<String, String> answers = new HashMap<>();
        form.forEach((name, values) -> answers.put(name, String.join("|", values)));
        String recordIdText = form.getFirst("recordId");
        Long recordId = recordIdText == null || recordIdText.isBlank() ? null : Long.valueOf(recordIdText);
        return pages.act(token, LeadTask.SUBMIT_DATA, model, response, context -> {
            recordForm(context, model);
            model.addAttribute("answers", answers);
            model.addAttribute("team", form.getFirst("team"));
            model.addAttribute("pseudonym", form.getFirst("pseudonym"));
            model.addAttribute("recordId", recordId);
            try {
                participantRecords.save(context.cycle().id(), context.organisation().code(), recordId,
                        form.getFirst("team"), form.getFirst("pseudonym"), answers, context.changedBy());
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
    ResponseEntity<byte[]> exportNeedsSignIn() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/leads/sign-in?records")).build();
    }

    /** What the record form offers: the definition's questions, the organisation's teams, yes and no. */
    private void recordForm(TaskContext context, Model model) {
        model.addAttribute("definition", records.definitionOf(context.cycle().id()));
        model.addAttribute("teamChoices",
                context.participant().teams().stream().map(team -> Choice.of(team, team)).toList());
        model.addAttribute("yesNo", YES_NO);
    }
}
