package org.qipflow.reporting;

import java.util.List;

import org.qipflow.common.NotFoundException;
import org.qipflow.interventions.ChangeIntervention;
import org.qipflow.interventions.InterventionCatalogue;
import org.qipflow.interventions.InterventionDownload;
import org.qipflow.programmes.Cycle;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The change interventions a report offers, wherever the lead reads it (signed in or from the results
 * link), and their files; the caller has already checked that the reader may open the report.
 */
@Component
public class ReportInterventions {

    private final InterventionCatalogue catalogue;

    ReportInterventions(InterventionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The programme's interventions, those for the standards the organisation fell short of first. */
    public List<InterventionCatalogue.Offer> offers(Cycle cycle, OrganisationReport report) {
        return catalogue.forReport(cycle.programmeCode(), report.standards().stream().filter(StandardRow::shortOfTarget)
                .map(StandardRow::id).toList());
    }

    /** An intervention's file, if the report's programme offers it. */
    public ResponseEntity<byte[]> download(Cycle cycle, long interventionId) {
        ChangeIntervention intervention = catalogue.get(cycle.programmeCode(), interventionId);
        if (intervention.withdrawnAt() != null || !intervention.file()) {
            throw new NotFoundException("Change intervention " + interventionId + " is not offered with this report");
        }
        return InterventionDownload.of(intervention, catalogue.file(interventionId));
    }
}
