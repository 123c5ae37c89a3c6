package org.qipflow.actionplans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A round's action-plan uptake as JSON: the same figures as its page. */
@RestController
@Tag(name = "Action plans")
class UptakeApiController {

    private final ActionPlanUptake uptake;

    UptakeApiController(ActionPlanUptake uptake) {
        this.uptake = uptake;
    }

    @GetMapping(path = "/api/cycles/{id}/action-plans", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A round's action plans and intervention uptake", description = "For each change "
            + "intervention of the programme (withdrawn ones only where chosen), how many submitted plans chose it, "
            + "most chosen first; for each organisation whose data counted, its plan's status (WRITING, IN_PROGRESS, "
            + "COMPLETED), how many interventions it chose and its actions: done, open, overdue (open past the due "
            + "date), blocked and dropped, which add up to actions; and in report, how many teams its lead sent the report to "
            + "and how many of them acknowledged discussing it (counts only: no team's or person's name)")
    ActionPlanUptake.Uptake uptake(@PathVariable long id) {
        return uptake.of(id);
    }
}
