package org.qipflow.participation;

import java.util.List;
import java.util.Optional;

import org.qipflow.programmes.Cycle;
import org.springframework.stereotype.Component;

/** Which of a lead's tasks is open now in the participation process. */
@Component
public class LeadTasks {

    private final ParticipationProcess process;

    LeadTasks(ParticipationProcess process) {
        this.process = process;
    }

    /** The lead's open user task in the cycle, if any: confirming, or submitting (on time or late). */
    public Optional<LeadTask> openTask(long cycleId, String organisationCode) {
        for (LeadTask task : List.of(LeadTask.CONFIRM_PARTICIPATION, LeadTask.SUBMIT_DATA)) {
            if (isOpen(cycleId, organisationCode, task)) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    public boolean isOpen(long cycleId, String organisationCode, LeadTask task) {
        return process.openTask(cycleId, organisationCode, task).isPresent();
    }

    /** What the lead can open now: the open task, or corrections to submitted data until the cycle closes. */
    public Optional<LeadTask> actionable(Cycle cycle, Participant participant) {
        Optional<LeadTask> open = openTask(cycle.id(), participant.organisationCode());
        if (open.isEmpty() && participant.status().submitted() && cycle.closedAt() == null) {
            return Optional.of(LeadTask.SUBMIT_DATA);
        }
        return open;
    }
}
