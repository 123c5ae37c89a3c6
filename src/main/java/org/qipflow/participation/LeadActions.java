package org.qipflow.participation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.qipflow.common.InvalidInputException;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.submissions.RecordService;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a local lead does in a cycle: confirm taking part with team codes (or decline), and submit. */
@Service
public class LeadActions {

    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final ParticipationProcess process;
    private final LeadEmails emails;
    private final RecordService records;
    private final TaskLinks links;
    private final Clock clock;

    LeadActions(ParticipantRepository participants, CycleService cycles, ParticipationProcess process,
            LeadEmails emails, RecordService records, TaskLinks links, Clock clock) {
        this.participants = participants;
        this.cycles = cycles;
        this.process = process;
        this.emails = emails;
        this.records = records;
        this.links = links;
        this.clock = clock;
    }

    /** The lead's answer to the invitation: taking part with these team codes, or not. */
    @Transactional
    public Participant confirm(long cycleId, String organisationCode, Boolean takingPart, List<String> teamCodes) {
        Participant participant = participants.getForUpdate(cycleId, organisationCode);
        if (takingPart == null) {
            throw new InvalidInputException("takingPart", "Say whether your organisation is taking part");
        }
        List<String> teams = takingPart ? TeamCodes.parse(teamCodes) : List.of();
        Instant now = clock.instant();
        String code = participant.organisationCode();
        process.complete(cycleId, code, LeadTask.CONFIRM_PARTICIPATION,
                Map.of(ParticipationProcess.TAKING_PART, takingPart));
        participants.replaceTeams(participant.id(), teams, now);
        participants.setStatus(participant.id(), takingPart ? ParticipantStatus.CONFIRMED : ParticipantStatus.DECLINED,
                "confirmed_at", now);
        links.revoke(code, LeadLink.subject(cycleId), LeadTask.CONFIRM_PARTICIPATION.name());
        Cycle cycle = cycles.get(cycleId);
        emails.syncCalendar(cycle, code);
        if (!takingPart) {
            emails.sendWithInvitation(cycle, code, (mails, organisation) -> mails.declined(cycle, organisation));
        }
        return participants.get(cycleId, code);
    }

    /** Submits the organisation's audit data; on time or late depends on its own deadline. */
    @Transactional
    public Participant submit(long cycleId, String organisationCode) {
        Participant participant = participants.getForUpdate(cycleId, organisationCode);
        if (records.list(cycleId, participant.organisationCode()).isEmpty()) {
            throw new InvalidInputException("declaration", "Add your organisation's records before submitting");
        }
        process.complete(cycleId, participant.organisationCode(), LeadTask.SUBMIT_DATA, Map.of());
        ParticipantStatus status = participant.status() == ParticipantStatus.LATE
                ? ParticipantStatus.SUBMITTED_LATE : ParticipantStatus.SUBMITTED;
        participants.setStatus(participant.id(), status, "submitted_at", clock.instant());
        // the submission link stays usable for corrections until the cycle closes
        return participants.get(cycleId, participant.organisationCode());
    }
}
