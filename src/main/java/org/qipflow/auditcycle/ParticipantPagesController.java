package org.qipflow.auditcycle;

import java.security.Principal;
import java.time.LocalTime;
import java.util.Map;

import org.qipflow.common.Choice;
import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkDateTimes;
import org.qipflow.dataqueries.DataQueries;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.participation.CoordinatorFollowUp;
import org.qipflow.participation.Participant;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's pages for one organisation in a cycle: its data with data queries, and an extension. */
@Controller
@RequestMapping("/cycles/{id}")
class ParticipantPagesController {

    private static final String FLASH = "flash";

    private final CycleService cycles;
    private final ParticipationService participation;
    private final CoordinatorFollowUp followUp;
    private final OrganisationService organisations;
    private final RecordService records;
    private final DataQueries queries;

    ParticipantPagesController(CycleService cycles, ParticipationService participation, CoordinatorFollowUp followUp,
            OrganisationService organisations, RecordService records, DataQueries queries) {
        this.cycles = cycles;
        this.participation = participation;
        this.followUp = followUp;
        this.organisations = organisations;
        this.records = records;
        this.queries = queries;
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
        var checked = records.quality(id, participant.organisationCode());
        model.addAttribute("records", checked);
        model.addAttribute("recordChoices", checked.stream().map(q -> Choice.of(String.valueOf(q.record().id()),
                q.record().teamCode() + " / " + q.record().pseudonym())).toList());
        model.addAttribute("figures", records.figures(id, participant.organisationCode()));
        model.addAttribute("history", records.history(id, participant.organisationCode()).stream().limit(50).toList());
        model.addAttribute("queries", queries.of(id, participant.organisationCode()));
        FormErrors.noneYet(model);
        return "cycles/organisation";
    }

    @PostMapping("/organisations/{code}/queries")
    String ask(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) String question,
            @RequestParam(required = false) Long recordId, Model model, RedirectAttributes redirect,
            Principal who) {
        try {
            queries.ask(id, code, recordId, question, who.getName());
        } catch (InvalidInputException e) {
            FormErrors.show(model, e.problems());
            model.addAttribute("questionEntered", question);
            model.addAttribute("recordIdEntered", recordId == null ? null : String.valueOf(recordId));
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
        FormErrors.noneYet(model);
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
            followUp.extendDeadline(id, code, UkDateTimes.parse("deadline", deadline, LocalTime.of(17, 0)));
            Organisation organisation = organisations.get(code);
            redirect.addFlashAttribute(FLASH, organisation.name() + "'s deadline is extended; its lead has been emailed");
            return "redirect:/cycles/" + id;
        } catch (InvalidInputException e) {
            FormErrors.show(model, e.problems());
        } catch (ConflictException e) {
            FormErrors.show(model, new FieldProblem("deadline", e.getMessage()));
        }
        return extensionForm(id, code, model);
    }
}
