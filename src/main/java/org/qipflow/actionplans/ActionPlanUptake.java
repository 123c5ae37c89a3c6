package org.qipflow.actionplans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qipflow.common.UkTime;
import org.qipflow.dissemination.ReportReach;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a round's change interventions were taken up and its action plans are going, for the programme
 * team: counted in the database, so the page costs the same for 5 actions or 5,000.
 */
@Service
class ActionPlanUptake {

    private final PlanRepository repository;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final ReportReach reports;
    private final Clock clock;

    ActionPlanUptake(PlanRepository repository, CycleService cycles, OrganisationService organisations,
            ReportReach reports, Clock clock) {
        this.reports = reports;
        this.repository = repository;
        this.cycles = cycles;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * @param plans     how many organisations have a plan for the round (those whose data counted)
     * @param submitted how many of them have submitted it
     */
    public record Uptake(long cycleId, String round, boolean published, int plans, int submitted,
            List<InterventionUptake> interventions, List<OrganisationPlan> organisations) {
    }

    /** One intervention of the catalogue and how many submitted plans chose it. */
    public record InterventionUptake(long id, String title, String kind, boolean withdrawn, int organisations) {
    }

    /**
     * One organisation's plan. The action counts do not overlap and add up to {@code actions}: an open
     * action past its due date is overdue, not open; a blocked one is blocked whatever its date. {@code report}
     * is how far its report travelled, in counts of teams only: their names stay inside the organisation.
     */
    public record OrganisationPlan(String organisationCode, String organisation, Plan.Status status, int interventions,
            int actions, int done, int open, int overdue, int blocked, int dropped, ReportReach.Reach report) {

        /** The status in words, for the page. */
        public String statusLabel() {
            return status.label();
        }
    }

    @Transactional(readOnly = true)
    Uptake of(long cycleId) {
        Cycle cycle = cycles.get(cycleId);
        LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
        Map<String, String> names = new HashMap<>();
        organisations.list(null).forEach(o -> names.put(o.code(), o.name()));
        List<OrganisationPlan> plans = repository.uptakeByOrganisation(cycleId, today, names, reports.of(cycleId));
        List<InterventionUptake> interventions = repository.uptakeByIntervention(cycleId);
        int submitted = (int) plans.stream().filter(p -> p.status() != Plan.Status.WRITING).count();
        return new Uptake(cycleId, cycle.title(), cycle.publishedAt() != null, plans.size(), submitted, interventions,
                plans);
    }
}
