package org.qipflow.participation;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.qipflow.common.ConflictException;
import org.qipflow.definitions.CheckedRecord;
import org.qipflow.programmes.CycleService;
import org.qipflow.submissions.AuditRecord;
import org.qipflow.submissions.RecordService;
import org.qipflow.submissions.UploadResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's records in a cycle, changed only while it takes part and the cycle is open; one
 * organisation's changes queue up behind each other, and behind its submission and the cycle's close.
 */
@Service
public class ParticipantRecords {

    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final RecordService records;

    ParticipantRecords(ParticipantRepository participants, CycleService cycles, RecordService records) {
        this.participants = participants;
        this.cycles = cycles;
        this.records = records;
    }

    /**
     * The teams whose records this organisation may enter or correct now: from confirmation until the
     * cycle closes for analysis, if it takes part.
     */
    @Transactional(readOnly = true)
    public List<String> teamsOpenForRecords(long cycleId, String organisationCode) {
        Participant participant = participants.get(cycleId, organisationCode);
        boolean takingPart = participant.status() == ParticipantStatus.CONFIRMED
                || participant.status() == ParticipantStatus.LATE || participant.status().submitted();
        if (!takingPart || cycles.get(cycleId).closedAt() != null) {
            throw new ConflictException("Records for " + participant.organisationCode() + " cannot be changed: "
                    + (takingPart ? "the cycle has closed for analysis" : "it is not taking part"));
        }
        return participant.teams();
    }

    /** The organisation's records in the cycle, with each record's answers. */
    @Transactional(readOnly = true)
    public List<AuditRecord> list(long cycleId, String organisationCode) {
        return records.list(cycleId, participants.get(cycleId, organisationCode).organisationCode());
    }

    /** @param fileName as the uploader's computer called it, for messages; null when not known */
    @Transactional
    public UploadResult upload(long cycleId, String organisationCode, InputStream file, String fileName,
            String changedBy) {
        String code = lock(cycleId, organisationCode);
        return records.upload(cycleId, code, teamsOpenForRecords(cycleId, code), file, fileName, changedBy);
    }

    /**
     * A corrected file from an organisation whose figures are under review (an outlier review): after
     * the round closed for analysis and before its reports are published, for an organisation whose
     * data counted. Rows are matched by team and pseudonym as in any upload.
     */
    @Transactional
    public UploadResult uploadCorrection(long cycleId, String organisationCode, InputStream file, String fileName,
            String changedBy) {
        String code = lock(cycleId, organisationCode);
        Participant participant = participants.get(cycleId, code);
        var cycle = cycles.get(cycleId);
        if (!participant.status().submitted()) {
            throw new ConflictException(code + " did not submit data to " + cycle.title() + ", so it has none to correct");
        }
        if (cycle.closedAt() == null) {
            throw new ConflictException(cycle.title() + " is still open for submission: correct the records through "
                    + "the submission link");
        }
        if (cycle.publishedAt() != null) {
            throw new ConflictException("The reports of " + cycle.title() + " have been published, so its records "
                    + "can no longer be corrected: say in your response what was wrong");
        }
        return records.upload(cycleId, code, participant.teams(), file, fileName, changedBy);
    }

    /** @param recordId the record being corrected, or null for a new one */
    @Transactional
    public CheckedRecord save(long cycleId, String organisationCode, Long recordId, String team,
            String pseudonym, Map<String, String> answers, String changedBy) {
        String code = lock(cycleId, organisationCode);
        return records.save(cycleId, code, teamsOpenForRecords(cycleId, code), recordId, team, pseudonym, answers,
                changedBy);
    }

    @Transactional
    public void delete(long cycleId, String organisationCode, long recordId, String changedBy) {
        String code = lock(cycleId, organisationCode);
        teamsOpenForRecords(cycleId, code);
        records.delete(cycleId, code, recordId, changedBy);
    }

    private String lock(long cycleId, String organisationCode) {
        return participants.getForUpdate(cycleId, organisationCode).organisationCode();
    }
}
