package org.qipflow.outliers;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qipflow.programmes.OutlierPolicy;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A round's outliers and a programme's outlier policy, as JSON: the same as their pages show. */
@RestController
@Tag(name = "Outliers")
class OutlierApiController {

    private final CycleOutliers outliers;
    private final ProgrammeService programmes;

    OutlierApiController(CycleOutliers outliers, ProgrammeService programmes) {
        this.outliers = outliers;
        this.programmes = programmes;
    }

    @GetMapping(path = "/api/cycles/{id}/outliers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A round's outliers", description = "For each outlier indicator of the programme: the exact "
            + "national figure, how many organisations it applied to, the over-dispersion found (phi) and whether the "
            + "limits were widened for it, and every organisation beyond 2 SD (ALERT) or 3 SD (ALARM), ABOVE or BELOW "
            + "the national share, furthest out first, with its exact figures and z-score")
    CycleOutliers.Review review(@PathVariable long id) {
        return outliers.of(id);
    }

    @GetMapping(path = "/api/programmes/{code}/outlier-policy", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A programme's outlier policy")
    OutlierPolicy policy(@PathVariable String code) {
        return programmes.outlierPolicy(code);
    }

    /** The body as sent: absent fields are none and false. */
    record PolicyRequest(List<String> indicators, Boolean allowForOverdispersion) {
    }

    @PutMapping(path = "/api/programmes/{code}/outlier-policy", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a programme's outlier policy", description = "{\"indicators\": [\"S1\", \"S3\"], "
            + "\"allowForOverdispersion\": true}: standards of the programme's audit definition. Rounds not yet "
            + "published are flagged again at once; published ones keep the flags their reports went out with")
    OutlierPolicy setPolicy(@PathVariable String code, @RequestBody PolicyRequest body) {
        return programmes.setOutlierPolicy(code, body.indicators(), Boolean.TRUE.equals(body.allowForOverdispersion()));
    }
}
