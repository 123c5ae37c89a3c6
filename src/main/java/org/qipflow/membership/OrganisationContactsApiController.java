package org.qipflow.membership;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organisation's clinical contact, chief executive and medical director, over the JSON API. */
@RestController
@RequestMapping(path = "/api/organisations/{code}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Organisations")
class OrganisationContactsApiController {

    private final OrganisationContacts contacts;

    OrganisationContactsApiController(OrganisationContacts contacts) {
        this.contacts = contacts;
    }

    /** @param current by role; a role nobody holds is absent */
    record ContactsResponse(Map<ContactRole, OrganisationContact> current, List<OrganisationContact> history) {
    }

    record ContactRequest(String name, String email) {
    }

    @GetMapping
    @Operation(summary = "An organisation's contacts", description = "Whoever holds each role now (CLINICAL, "
            + "CHIEF_EXECUTIVE, MEDICAL_DIRECTOR), and every appointment with its dates")
    ContactsResponse get(@PathVariable String code) {
        return new ContactsResponse(contacts.current(code), contacts.history(code));
    }

    @PutMapping(path = "/{role}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Appoint a contact", description = "{\"name\": \"Dr A Patel\", \"email\": \"a.patel@nhs.net\"}: "
            + "ends the role's appointment before; the same person again changes nothing")
    ContactsResponse appoint(@PathVariable String code, @PathVariable String role, @RequestBody ContactRequest body) {
        contacts.appoint(code, role, body.name(), body.email());
        return get(code);
    }

    @DeleteMapping("/{role}")
    @Operation(summary = "Leave a role vacant", description = "Ends its appointment; the history keeps it")
    ResponseEntity<Void> vacate(@PathVariable String code, @PathVariable String role) {
        contacts.vacate(code, role);
        return ResponseEntity.noContent().build();
    }
}
