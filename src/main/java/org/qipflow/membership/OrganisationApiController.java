package org.qipflow.membership;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qipflow.common.LimitedInputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for integrations, for coordinators' accounts over HTTP Basic. */
@RestController
@RequestMapping(path = "/api/organisations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Organisations", description = "Member organisations and their local leads")
class OrganisationApiController {

    /** A list of every member fits in far less: 200 organisations take about 40 kB. */
    static final long MOST_IMPORT_BYTES = 2L * 1024 * 1024;

    private final OrganisationService organisations;

    OrganisationApiController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    @Operation(summary = "List organisations", description = "active=true for members only, false for deactivated ones")
    List<OrganisationResponse> list(@RequestParam(required = false) Boolean active) {
        return organisations.list(active).stream().map(o -> OrganisationResponse.of(o, null)).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One organisation, with every local lead it has had")
    OrganisationResponse get(@PathVariable String code) {
        return OrganisationResponse.of(organisations.get(code), organisations.leadHistory(code));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an organisation", description = "201 with the organisation; 409 if the code is taken")
    ResponseEntity<OrganisationResponse> create(@RequestBody OrganisationRequest request) {
        Organisation created = organisations.create(request.toInput(null));
        return ResponseEntity.created(URI.create("/api/organisations/" + created.code()))
                .body(OrganisationResponse.of(created, organisations.leadHistory(created.code())));
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace an organisation's details",
            description = "A new local lead is kept in the history; active=false deactivates, true reactivates")
    OrganisationResponse update(@PathVariable String code, @RequestBody OrganisationRequest request) {
        Organisation updated = organisations.replace(code, request.toInput(code), request.active());
        return OrganisationResponse.of(updated, organisations.leadHistory(code));
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(summary = "Create or update organisations from CSV",
            description = "All rows or none: 422 with every bad row and column if any row is wrong")
    ImportResult importCsv(InputStream csv) throws IOException {
        return organisations.importCsv(new LimitedInputStream(csv, MOST_IMPORT_BYTES));
    }

    record LeadRequest(String name, String email, String jobTitle) {
    }

    record OrganisationRequest(String code, String name, String nation, String type, LeadRequest localLead,
            String membershipEnds, Boolean active) {

        OrganisationInput toInput(String pathCode) {
            LeadRequest lead = localLead == null ? new LeadRequest(null, null, null) : localLead;
            return new OrganisationInput(code == null ? pathCode : code, name, nation, type, lead.name(),
                    lead.email(), lead.jobTitle(), membershipEnds);
        }
    }

    record LeadResponse(String name, String email, String jobTitle, Instant nominatedFrom, Instant nominatedUntil) {

        static LeadResponse of(LocalLead lead) {
            return lead == null ? null : new LeadResponse(lead.name(), lead.email(), lead.jobTitle(),
                    lead.nominatedFrom(), lead.nominatedUntil());
        }
    }

    record OrganisationResponse(String code, String name, Nation nation, OrganisationType type, boolean active,
            LocalDate membershipEnds, LeadResponse localLead, List<LeadResponse> localLeadHistory,
            Instant createdAt, Instant updatedAt, Instant deactivatedAt) {

        static OrganisationResponse of(Organisation o, List<LocalLead> history) {
            return new OrganisationResponse(o.code(), o.name(), o.nation(), o.type(), o.active(), o.membershipEnds(),
                    LeadResponse.of(o.localLead()),
                    history == null ? null : history.stream().map(LeadResponse::of).toList(),
                    o.createdAt(), o.updatedAt(), o.deactivatedAt());
        }
    }
}
