package org.qipflow.interventions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A programme's change-intervention catalogue over the JSON API. */
@RestController
@RequestMapping(path = "/api/programmes/{code}/interventions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Change interventions")
class InterventionApiController {

    private final InterventionCatalogue catalogue;

    InterventionApiController(InterventionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "A programme's change interventions in use, newest first")
    List<ChangeIntervention> list(@PathVariable String code) {
        return catalogue.of(code);
    }

    /** A link intervention as sent; kind is SLIDE_SET, CLINICIAN_TOOL, SIDE_EFFECT_MATERIALS, SERVICE_USER_LEAFLET or OTHER. */
    record LinkRequest(String title, String kind, String description, String link, Integer roundNumber,
            List<String> standards) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a link", description = "201 with the intervention; 400 naming each field that is wrong")
    ResponseEntity<ChangeIntervention> addLink(@PathVariable String code, @RequestBody LinkRequest body) {
        return created(catalogue.add(code, new InterventionCatalogue.Submission(body.title(), body.kind(),
                body.description(), body.link(), body.roundNumber() == null ? null : String.valueOf(body.roundNumber()),
                body.standards(), null, null)));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a file", description = "Fields title, kind, description, standards (repeated), roundNumber "
            + "and the part file: a PDF, .docx or .pptx of up to 20 MB, recognised by its content")
    ResponseEntity<ChangeIntervention> addFile(@PathVariable String code, @RequestParam(required = false) String title,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
            @RequestParam(required = false) String roundNumber, @RequestParam(required = false) List<String> standards,
            @RequestPart(required = false) MultipartFile file) throws IOException {
        boolean hasFile = file != null && !file.isEmpty();
        try (InputStream in = hasFile ? file.getInputStream() : InputStream.nullInputStream()) {
            return created(catalogue.add(code, new InterventionCatalogue.Submission(title, kind, description, null,
                    roundNumber, standards, hasFile ? file.getOriginalFilename() : null, in)));
        }
    }

    private static ResponseEntity<ChangeIntervention> created(ChangeIntervention intervention) {
        return ResponseEntity.created(URI.create("/api/programmes/" + intervention.programmeCode() + "/interventions/"
                + intervention.id())).body(intervention);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One change intervention")
    ChangeIntervention get(@PathVariable String code, @PathVariable long id) {
        return catalogue.get(code, id);
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Withdraw an intervention", description = "No longer offered with reports; kept for the plans "
            + "that chose it. Twice has one effect")
    ResponseEntity<Void> withdraw(@PathVariable String code, @PathVariable long id) {
        catalogue.withdraw(code, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an intervention", description = "The same fields as adding a link; without a link a "
            + "file intervention keeps its file, with one it becomes a link. 409 once withdrawn")
    ChangeIntervention change(@PathVariable String code, @PathVariable long id, @RequestBody LinkRequest body) {
        return catalogue.change(code, id, new InterventionCatalogue.Submission(body.title(), body.kind(),
                body.description(), body.link(), body.roundNumber() == null ? null : String.valueOf(body.roundNumber()),
                body.standards(), null, null));
    }
}
