package org.qipflow.participation;

import java.util.List;

import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the cycle's own process asks of every participation: closing them, who submitted, results links. */
@Service
public class CycleParticipations {

    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final ParticipationProcess process;
    private final LeadEmails emails;
    private final TaskLinks links;

    CycleParticipations(ParticipantRepository participants, CycleService cycles, ParticipationProcess process,
            LeadEmails emails, TaskLinks links) {
        this.participants = participants;
        this.cycles = cycles;
        this.process = process;
        this.emails = emails;
        this.links = links;
    }

    /** Submission closes for everyone: participations still waiting end, and submission links stop working. */
    @Transactional
    public void closeAll(long cycleId) {
        process.closeAll(cycleId);
        links.revokeSubject(LeadLink.subject(cycleId), LeadTask.SUBMIT_DATA.name());
        links.revokeSubject(LeadLink.subject(cycleId), LeadTask.AUDIT_MATERIALS.name());
    }

    /** The organisations that submitted, on time or late, whose records the analysis counts. */
    @Transactional(readOnly = true)
    public List<String> submitted(long cycleId) {
        return participants.ofCycle(cycleId).stream().filter(p -> p.status().submitted())
                .map(Participant::organisationCode).toList();
    }

    /** Every organisation that submitted gets the link to its results. */
    @Transactional
    public void announceResults(long cycleId) {
        Cycle cycle = cycles.get(cycleId);
        for (String code : submitted(cycleId)) {
            emails.send(code, (mails, organisation) -> mails.results(cycle, organisation));
        }
    }
}
