package org.qipflow.actionplans;

import java.util.List;

import org.qipflow.definitions.Standard;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.reporting.Reports;
import org.qipflow.reporting.StandardRow;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Component;

/** What plans' pages and emails say about a plan, read in one place: whose, which round, which standards. */
@Component
class ActionPlanFacts {

    private final OrganisationService organisations;
    private final CycleService cycles;
    private final RecordService records;
    private final Reports reports;

    ActionPlanFacts(OrganisationService organisations, CycleService cycles, RecordService records, Reports reports) {
        this.organisations = organisations;
        this.cycles = cycles;
        this.records = records;
        this.reports = reports;
    }

    ActionPlanMails.About about(Plan plan) {
        Organisation organisation = organisations.get(plan.organisationCode());
        Cycle cycle = cycles.get(plan.cycleId());
        return new ActionPlanMails.About(organisation.code(), organisation.name(), cycle.title(),
                organisation.localLead() == null ? "the local lead" : organisation.localLead().name(),
                organisation.localLead() == null ? "" : organisation.localLead().email(), cycle.id());
    }

    Cycle cycle(Plan plan) {
        return cycles.get(plan.cycleId());
    }

    /** "S1: Serum lithium level measured in the past 3 months" */
    String standard(Plan plan, PlanAction action) {
        return standards(plan).stream().filter(s -> s.id().equals(action.standardId()))
                .map(s -> s.id() + ": " + s.text()).findFirst().orElse(action.standardId());
    }

    List<Standard> standards(Plan plan) {
        return records.definitionOf(plan.cycleId()).standards();
    }

    /** The standards the organisation fell short of in the round, as its report shows them. */
    List<StandardRow> shortfalls(Plan plan) {
        return reports.forOrganisation(plan.cycleId(), plan.organisationCode()).shortfalls();
    }
}
