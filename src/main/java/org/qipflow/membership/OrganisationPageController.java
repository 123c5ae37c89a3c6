package org.qipflow.membership;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.FormErrors;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.RejectedFileException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators' pages for organisations: list, add, edit, deactivate, import, renewal decisions. */
@Controller
@RequestMapping("/organisations")
class OrganisationPageController {

    private static final String FLASH = "flash";

    private final OrganisationService organisations;
    private final MembershipRenewals renewals;
    private final OrganisationContacts contacts;

    OrganisationPageController(OrganisationService organisations, MembershipRenewals renewals,
            OrganisationContacts contacts) {
        this.contacts = contacts;
        this.renewals = renewals;
        this.organisations = organisations;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("nations", Nation.values());
        model.addAttribute("types", OrganisationType.values());
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "active") String status, Model model) {
        Boolean active = switch (status) {
            case "inactive" -> false;
            case "all" -> null;
            default -> true;
        };
        model.addAttribute("status", active == null ? "all" : active ? "active" : "inactive");
        model.addAttribute("organisations", organisations.list(active));
        return "organisations/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, OrganisationForm.empty(), List.of(), false);
    }

    @PostMapping("/new")
    String create(@ModelAttribute OrganisationForm form, Model model, RedirectAttributes redirect) {
        try {
            Organisation created = organisations.create(form.toInput());
            redirect.addFlashAttribute(FLASH, created.name() + " (" + created.code() + ") has been added");
            return "redirect:/organisations/" + created.code();
        } catch (InvalidInputException e) {
            return form(model, form, e.problems(), false);
        } catch (ConflictException e) {
            return form(model, form, List.of(new FieldProblem(OrganisationValidator.CODE, e.getMessage())), false);
        }
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, Model model) {
        Organisation organisation = organisations.get(code);
        model.addAttribute("organisation", organisation);
        model.addAttribute("leads", organisations.leadHistory(code));
        model.addAttribute("renewal", renewals.due(code).orElse(null));
        model.addAttribute("contacts", contacts.history(code));
        model.addAttribute("contactRoles", List.of(ContactRole.values()));
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", FormErrors.typed("role", "", "name", "", "email", ""));
        }
        FormErrors.noneYet(model);
        return "organisations/show";
    }

    /** Appoints a clinical contact, chief executive or medical director; the one before stays in the history. */
    @PostMapping("/{code}/contacts")
    String appointContact(@PathVariable String code, @RequestParam(required = false) String role,
            @RequestParam(required = false) String name, @RequestParam(required = false) String email, Model model,
            RedirectAttributes redirect) {
        try {
            OrganisationContact contact = contacts.appoint(code, role, name, email);
            redirect.addFlashAttribute("flash", contact.name() + " is now the " + contact.role().label().toLowerCase()
                    + " of " + organisations.get(code).name());
            return "redirect:/organisations/" + organisations.get(code).code() + "#contacts";
        } catch (InvalidInputException e) {
            model.addAttribute("contactForm", FormErrors.typed("role", role, "name", name, "email", email));
            FormErrors.show(model, e.problems());
            return show(code, model);
        }
    }

    @PostMapping("/{code}/contacts/{role}/vacancy")
    String vacateContact(@PathVariable String code, @PathVariable String role, RedirectAttributes redirect) {
        contacts.vacate(code, role);
        redirect.addFlashAttribute("flash", "The role is vacant; its holder stays in the history");
        return "redirect:/organisations/" + organisations.get(code).code() + "#contacts";
    }

    @GetMapping("/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        return form(model, OrganisationForm.of(organisations.get(code)), List.of(), true);
    }

    @PostMapping("/{code}/edit")
    String update(@PathVariable String code, @ModelAttribute OrganisationForm form, Model model,
            RedirectAttributes redirect) {
        try {
            Organisation updated = organisations.update(code, form.toInput(), form.version());
            redirect.addFlashAttribute(FLASH, "Changes to " + updated.name() + " have been saved");
            return "redirect:/organisations/" + updated.code();
        } catch (InvalidInputException e) {
            return form(model, form, e.problems(), true);
        } catch (ConflictException e) {
            return form(model, form, List.of(new FieldProblem(null, e.getMessage())), true);
        }
    }

    @PostMapping("/{code}/deactivate")
    String deactivate(@PathVariable String code, RedirectAttributes redirect) {
        Organisation organisation = organisations.deactivate(code);
        redirect.addFlashAttribute(FLASH, organisation.name() + " has been deactivated; its history is kept");
        return "redirect:/organisations/" + organisation.code();
    }

    @PostMapping("/{code}/reactivate")
    String reactivate(@PathVariable String code, RedirectAttributes redirect) {
        Organisation organisation = organisations.reactivate(code);
        redirect.addFlashAttribute(FLASH, organisation.name() + " is a member again");
        return "redirect:/organisations/" + organisation.code();
    }

    @GetMapping("/{code}/renewal")
    String renewalForm(@PathVariable String code, Model model) {
        model.addAttribute("organisation", organisations.get(code));
        model.addAttribute("renewal", renewals.due(code).orElse(null));
        model.addAttribute("decisions", RenewalDecision.values());
        FormErrors.noneYet(model);
        return "organisations/renewal";
    }

    @PostMapping("/{code}/renewal")
    String decideRenewal(@PathVariable String code, @RequestParam(required = false) RenewalDecision decision,
            Model model, RedirectAttributes redirect) {
        if (decision == null) {
            FormErrors.show(model, new FieldProblem("decision", "Select what happens to this membership"));
            return renewalForm(code, model);
        }
        try {
            renewals.decide(code, decision);
        } catch (ConflictException e) {
            FormErrors.show(model, new FieldProblem(null, e.getMessage()));
            return renewalForm(code, model);
        }
        Organisation organisation = organisations.get(code);
        redirect.addFlashAttribute(FLASH, decision.renews()
                ? organisation.name() + " is renewed until " + organisation.membershipEnds()
                : organisation.name() + "'s membership will end on " + organisation.membershipEnds());
        return "redirect:/organisations/" + organisation.code();
    }

    @GetMapping("/import")
    String importForm(Model model) {
        FormErrors.noneYet(model);
        return "organisations/import";
    }

    @PostMapping("/import")
    String importCsv(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            FormErrors.show(model, new FieldProblem("file", "Select a CSV file to import"));
            return "organisations/import";
        }
        try {
            ImportResult result = organisations.importCsv(file.getInputStream());
            redirect.addFlashAttribute(FLASH, "Imported " + result.total() + " organisations: " + result.created()
                    + " added, " + result.updated() + " updated, " + result.unchanged() + " unchanged");
            return "redirect:/organisations?status=all";
        } catch (RejectedFileException e) {
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("rowProblems", e.problems());
            FormErrors.show(model, new FieldProblem("file", file.getOriginalFilename()
                    + " was not imported: fix the " + e.problems().size() + " problem(s) listed below and upload it again"));
            return "organisations/import";
        }
    }

    @GetMapping("/import/template.csv")
    ResponseEntity<byte[]> template() {
        String csv = String.join(",", OrganisationCsvImport.COLUMNS.values()) + "\r\n"
                + "RV3,Example Mental Health NHS Trust,England,NHS trust,Alex Example,alex.example@nhs.net,"
                + "Chief Pharmacist,\r\n";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"organisations-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private String form(Model model, OrganisationForm form, List<FieldProblem> problems, boolean editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        FormErrors.show(model, problems);
        return "organisations/form";
    }

}
