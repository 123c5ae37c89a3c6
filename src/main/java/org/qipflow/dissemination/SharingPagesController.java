package org.qipflow.dissemination;

import java.util.List;
import java.util.Map;

import org.qipflow.common.Choice;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkTime;
import org.qipflow.membership.OrganisationService;
import org.qipflow.security.LeadPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in local lead sends the organisation's report to its teams, and sees who has discussed it. */
@Controller
class SharingPagesController {

    private final ReportSharing sharing;
    private final OrganisationService organisations;

    SharingPagesController(ReportSharing sharing, OrganisationService organisations) {
        this.sharing = sharing;
        this.organisations = organisations;
    }

    @GetMapping("/my/sharing/{cycleId}/{code}")
    String show(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId, @PathVariable String code,
            Model model) {
        check(lead, code);
        ReportSharing.View view = sharing.view(cycleId, code, lead.email());
        model.addAttribute("view", view);
        model.addAttribute("confirmChoice", List.of(Choice.of("yes", "This address belongs to a team of "
                + view.organisation().name(), "Needed for an address not at " + view.leadDomain())));
        model.asMap().putIfAbsent("entered", Map.of());
        FormErrors.noneYet(model);
        return "sharing/lead";
    }

    @PostMapping("/my/sharing/{cycleId}/{code}")
    String share(@AuthenticationPrincipal LeadPrincipal lead, @PathVariable long cycleId, @PathVariable String code,
            @RequestParam(required = false) String team, @RequestParam(required = false) String contactName,
            @RequestParam(required = false) String contactEmail, @RequestParam(required = false) String confirmed,
            Model model, RedirectAttributes redirect) {
        check(lead, code);
        try {
            ReportSharing.Shared shared = sharing.share(cycleId, code, lead.email(), team, contactName, contactEmail,
                    confirmed != null);
            redirect.addFlashAttribute("flash", shared.sent()
                    ? "The report's link is on its way to " + shared.share().contactName() + " for "
                            + shared.share().team()
                    : shared.share().contactEmail() + " was sent the report on "
                            + ReportSharingMails.DAY.format(shared.share().sharedAt().atZone(
                                    UkTime.ZONE)) + ": nothing was sent again");
            return "redirect:/my/sharing/" + cycleId + "/" + code;
        } catch (InvalidInputException e) {
            model.addAttribute("entered", FormErrors.typed("team", team, "contactName", contactName, "contactEmail",
                    contactEmail, "confirmed", confirmed));
            FormErrors.show(model, e.problems());
            return show(lead, cycleId, code, model);
        }
    }

    /** @throws AccessDeniedException (403) unless the lead leads this organisation now */
    private void check(LeadPrincipal lead, String code) {
        lead.check(code, organisations.codesLedBy(lead.email()));
    }
}
