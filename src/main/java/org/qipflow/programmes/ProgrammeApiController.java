package org.qipflow.programmes;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkDateTimes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for programmes and scheduling their cycles. */
@RestController
@RequestMapping(path = "/api/programmes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programmes", description = "Quality Improvement Programmes and their audit cycles")
class ProgrammeApiController {

    private final ProgrammeService programmes;
    private final CycleService cycles;

    ProgrammeApiController(ProgrammeService programmes, CycleService cycles) {
        this.programmes = programmes;
        this.cycles = cycles;
    }

    @GetMapping
    @Operation(summary = "List programmes")
    List<Programme> list() {
        return programmes.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a programme", description = "201; 409 if the code is taken")
    ResponseEntity<Programme> create(@RequestBody ProgrammeRequest request) {
        Programme created = programmes.create(request.code(), request.title(), request.auditDefinition());
        return ResponseEntity.created(URI.create("/api/programmes/" + created.code())).body(created);
    }

    @PostMapping(path = "/{code}/cycles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule the programme's next cycle",
            description = "Milestones not given are derived from dataCollectionStart; dates are ISO-8601, "
                    + "without an offset taken as UK time. Milestones in the past run at once.")
    ResponseEntity<CycleResponse> schedule(@PathVariable String code, @RequestBody CycleRequest request) {
        Map<Milestone, ZonedDateTime> overrides = MilestoneJson.parse(request.milestones());
        CycleKind kind = kind(request.kind());
        ZonedDateTime start = request.dataCollectionStart() == null ? null
                : UkDateTimes.parse("dataCollectionStart", request.dataCollectionStart(), CycleTimeline.MATERIALS_TIME);
        Cycle cycle = cycles.schedule(code, kind, start, overrides);
        return ResponseEntity.created(URI.create("/api/cycles/" + cycle.id())).body(CycleResponse.of(cycle));
    }

    private static CycleKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return CycleKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "'" + kind + "' is not a kind of cycle; use BASELINE, REAUDIT or SUPPLEMENTARY");
        }
    }

    record ProgrammeRequest(String code, String title, String auditDefinition) {
    }

    record CycleRequest(String kind, String dataCollectionStart, Map<String, String> milestones) {
    }

    /** A cycle as the API shows it; milestones are ISO-8601 with the UK offset in force on that date. */
    record CycleResponse(long id, String programme, String kind, int number, String title, int definitionVersion,
            Map<String, String> milestones, Instant closedAt, Instant publishedAt) {

        static CycleResponse of(Cycle cycle) {
            return new CycleResponse(cycle.id(), cycle.programmeCode(), cycle.kind().name(), cycle.number(),
                    cycle.title(), cycle.definitionVersion(), MilestoneJson.of(cycle), cycle.closedAt(),
                    cycle.publishedAt());
        }
    }
}
