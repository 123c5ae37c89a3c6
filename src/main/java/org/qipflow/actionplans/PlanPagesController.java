package org.qipflow.actionplans;

import java.util.List;
import java.util.Map;

import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.membership.OrganisationService;
import org.qipflow.security.LeadPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in local lead's action plan for a round: choose interventions, plan the actions, submit,
 * then follow them, reassign or drop. A plan names people and their addresses, so it needs the lead
 * signed in; a forwarded results link does not open it.
 */
@Controller
class PlanPagesController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final ActionPlans plans;
    private final OrganisationService organisations;

    PlanPagesController(ActionPlans plans, OrganisationService organisations) {
        this.plans = plans;
        this.organisations = organisations;
    }

    @GetMapping("/my/plans/{cycleId}/{code}")
    String show(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId, @PathVariable String code,
            Model model) {
        check(lead, code);
        ActionPlans.View view = plans.view(cycleId, code).orElseThrow(() -> new NotFoundException(code
                + " has no action plan for this round: plans start when the round's reports are published"));
        model.addAttribute("view", view);
        model.addAttribute("base", "/my/plans/" + cycleId + "/" + code);
        model.asMap().putIfAbsent("entered", Map.of());
        FormErrors.noneYet(model);
        return "plans/plan";
    }

    @GetMapping("/my/plans/{cycleId}/{code}/action-plan.docx")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId,
            @PathVariable String code) {
        check(lead, code);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("action-plan-" + code + ".docx").build().toString())
                .header("X-Content-Type-Options", "nosniff").body(plans.document(cycleId, code));
    }

    @PostMapping("/my/plans/{cycleId}/{code}/interventions")
    String choose(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId, @PathVariable String code,
            @RequestParam(required = false) List<Long> interventions, Model model, RedirectAttributes redirect) {
        return act(lead, cycleId, code, model, redirect, "Your chosen interventions are saved", () -> plans
                .chooseInterventions(cycleId, code, interventions, lead.email()));
    }

    @PostMapping("/my/plans/{cycleId}/{code}/actions")
    String add(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId, @PathVariable String code,
            @RequestParam(required = false) String standardId, @RequestParam(required = false) String description,
            @RequestParam(required = false) String ownerName, @RequestParam(required = false) String ownerEmail,
            @RequestParam(required = false) String dueOn, @RequestParam(required = false) String measure, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("entered", FormErrors.typed("standardId", standardId, "description", description,
                "ownerName", ownerName, "ownerEmail", ownerEmail, "dueOn", dueOn, "measure", measure));
        return act(lead, cycleId, code, model, redirect, "The action is added to the plan", () -> plans.addAction(
                cycleId, code, new ActionPlans.ActionInput(standardId, description, ownerName, ownerEmail, dueOn,
                        measure), lead.email()));
    }

    @PostMapping("/my/plans/{cycleId}/{code}/actions/{actionId}/removal")
    String remove(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId, @PathVariable String code,
            @PathVariable long actionId, Model model, RedirectAttributes redirect) {
        return act(lead, cycleId, code, model, redirect, "The action is removed from the plan",
                () -> plans.removeAction(cycleId, code, actionId));
    }

    @PostMapping("/my/plans/{cycleId}/{code}/submission")
    String submit(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId, @PathVariable String code,
            Model model, RedirectAttributes redirect) {
        return act(lead, cycleId, code, model, redirect, "The plan is submitted: each owner has been sent their "
                + "action", () -> plans.submit(cycleId, code, lead.email()));
    }

    @PostMapping("/my/plans/{cycleId}/{code}/actions/{actionId}/owner")
    String reassign(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId, @PathVariable String code,
            @PathVariable long actionId, @RequestParam(required = false) String ownerName,
            @RequestParam(required = false) String ownerEmail, Model model, RedirectAttributes redirect) {
        return act(lead, cycleId, code, model, redirect, "The action is reassigned: the new owner has been sent it",
                () -> plans.reassign(cycleId, code, actionId, ownerName, ownerEmail, lead.email()));
    }

    @PostMapping("/my/plans/{cycleId}/{code}/actions/{actionId}/drop")
    String drop(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId, @PathVariable String code,
            @PathVariable long actionId, @RequestParam(required = false) String reason, Model model,
            RedirectAttributes redirect) {
        return act(lead, cycleId, code, model, redirect, "The action is dropped",
                () -> plans.drop(cycleId, code, actionId, reason, lead.email()));
    }

    private String act(LeadPrincipal lead, long cycleId, String code, Model model, RedirectAttributes redirect,
            String done, Runnable change) {
        check(lead, code);
        try {
            change.run();
        } catch (InvalidInputException e) {
            FormErrors.show(model, e.problems());
            return show(lead, cycleId, code, model);
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/my/plans/" + cycleId + "/" + code;
    }

    /** @throws AccessDeniedException (403) unless the lead leads this organisation now */
    private void check(LeadPrincipal lead, String code) {
        lead.check(code, organisations.codesLedBy(lead.email()));
    }
}
