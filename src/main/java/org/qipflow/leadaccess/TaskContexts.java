package org.qipflow.leadaccess;

import java.util.Arrays;
import java.util.Map;

import org.qipflow.common.Dates;
import org.qipflow.common.UkTime;
import org.qipflow.dataqueries.DataQueries;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.participation.LeadLink;
import org.qipflow.participation.LeadTask;
import org.qipflow.participation.Participant;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What a task page shows about its link's cycle and organisation, put on the page's model. */
@Component
class TaskContexts {

    /** What one lead link is about, read once per request. */
    record TaskContext(LeadLink link, Cycle cycle, Organisation organisation, Participant participant, LeadTask task) {

        /** Who changed a record, for its history: the organisation's lead of the day, through their link. */
        String changedBy() {
            return "local lead " + organisation.localLead().email() + " (link)";
        }
    }

    private final CycleService cycles;
    private final OrganisationService organisations;
    private final ParticipationService participation;
    private final DataQueries queries;

    TaskContexts(CycleService cycles, OrganisationService organisations, ParticipationService participation,
            DataQueries queries) {
        this.cycles = cycles;
        this.organisations = organisations;
        this.participation = participation;
        this.queries = queries;
    }

    TaskContext of(LeadLink link, Model model) {
        long cycleId = link.cycleId();
        Cycle cycle = cycles.get(cycleId);
        Organisation organisation = organisations.get(link.organisationCode());
        Participant participant = participation.participant(cycleId, organisation.code());
        LeadTask task = link.task();
        if (task == LeadTask.ANSWER_QUERY) {
            model.addAttribute("query", queries.get(link.queryId()));
        }
        model.addAttribute("cycle", cycle);
        model.addAttribute("organisation", organisation);
        model.addAttribute("participant", participant);
        model.addAttribute("task", task.name());
        model.addAttribute("deadline", Dates.format(participation.deadline(cycleId, organisation.code())
                .atZone(UkTime.ZONE)));
        model.addAttribute("milestones", Arrays.stream(Milestone.values())
                .map(m -> Map.of("label", m.label(), "date", Dates.format(cycle.milestones().get(m)))).toList());
        return new TaskContext(link, cycle, organisation, participant, task);
    }
}
