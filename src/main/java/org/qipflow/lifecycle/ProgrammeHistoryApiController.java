package org.qipflow.lifecycle;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A programme's history as JSON, the same as its page shows, and the coordinator's lifecycle decisions. */
@RestController
@RequestMapping(path = "/api/programmes/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programmes")
class ProgrammeHistoryApiController {

    private final ProgrammeHistory history;
    private final ProgrammeService programmes;

    ProgrammeHistoryApiController(ProgrammeHistory history, ProgrammeService programmes) {
        this.history = history;
        this.programmes = programmes;
    }

    @GetMapping
    @Operation(summary = "A programme's whole history",
            description = "Where it is in its life (stage), the topic it was adopted from, every round with its dates, "
                    + "participation and national results (with the change from the previous round and from the "
                    + "baseline, in whole points), and what comes next, with the next round's proposed dates")
    ProgrammeHistory.History get(@PathVariable String code) {
        return history.of(code);
    }

    @PutMapping(path = "/intervention-period", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the intervention period", description = "{\"months\": 6}: 1 to 36 months after a round's "
            + "reports are published before the next round is due; a waiting timer moves with it")
    ProgrammeHistory.History interventionPeriod(@PathVariable String code, @RequestBody Map<String, Object> body) {
        Object months = body == null ? null : body.get("months");
        programmes.setInterventionPeriod(code, months == null ? null : String.valueOf(months));
        return history.of(code);
    }

    @PostMapping("/closure")
    @Operation(summary = "Close the programme", description = "No more rounds; 409 while a round is running. "
            + "Closing twice has one effect.")
    ProgrammeHistory.History close(@PathVariable String code) {
        programmes.close(code);
        return history.of(code);
    }
}
