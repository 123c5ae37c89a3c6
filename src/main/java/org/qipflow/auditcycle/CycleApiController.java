package org.qipflow.auditcycle;

import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkDateTimes;
import org.qipflow.participation.CoordinatorFollowUp;
import org.qipflow.participation.Participant;
import org.qipflow.participation.ParticipantRecords;
import org.qipflow.participation.ParticipantStatus;
import org.qipflow.participation.ParticipationService;
import org.qipflow.participation.SubmissionTracker;
import org.qipflow.participation.TrackerRow;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.MilestoneJson;
import org.qipflow.submissions.AuditRecord;
import org.qipflow.submissions.RecordService;
import org.qipflow.submissions.UploadResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** JSON API for running a cycle: its state, participants, rescheduling, extensions, reminders, publication. */
@RestController
@RequestMapping(path = "/api/cycles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit cycles", description = "Timelines, participants and their submission status")
class CycleApiController {

    private final CycleService cycles;
    private final ParticipationService participation;
    private final CoordinatorFollowUp followUp;
    private final ParticipantRecords participantRecords;
    private final SubmissionTracker submissions;
    private final CycleTracker tracker;

    CycleApiController(CycleService cycles, ParticipationService participation, CoordinatorFollowUp followUp,
            ParticipantRecords participantRecords, SubmissionTracker submissions, CycleTracker tracker) {
        this.cycles = cycles;
        this.participation = participation;
        this.followUp = followUp;
        this.participantRecords = participantRecords;
        this.submissions = submissions;
        this.tracker = tracker;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A cycle's milestones and each participant's status")
    CycleView get(@PathVariable long id) {
        return view(cycles.get(id));
    }

    @PostMapping(path = "/{id}/participants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an organisation to the cycle",
            description = "201 when added, 200 when it already takes part; 409 after submission has closed")
    ResponseEntity<ParticipantView> join(@PathVariable long id, @RequestBody JoinRequest request) {
        if (request.organisationCode() == null || request.organisationCode().isBlank()) {
            throw new InvalidInputException("organisationCode", "Enter the code of the organisation that joins");
        }
        ParticipationService.Joined joined = participation.join(id, request.organisationCode());
        ParticipantView view = submissions.rows(id).stream()
                .filter(r -> r.participant().id() == joined.participant().id()).findFirst()
                .map(ParticipantView::of).orElseThrow();
        return joined.added()
                ? ResponseEntity.created(URI.create("/api/cycles/" + id)).body(view)
                : ResponseEntity.ok(view);
    }

    @PatchMapping(path = "/{id}/milestones", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move milestones that have not happened yet",
            description = "Running timers move with them and the leads still involved are emailed the new dates")
    CycleView reschedule(@PathVariable long id, @RequestBody Map<String, String> milestones) {
        return view(cycles.reschedule(id, MilestoneJson.parse(milestones)));
    }

    @PostMapping(path = "/{id}/participants/{code}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Extend one organisation's submission deadline")
    ParticipantView extend(@PathVariable long id, @PathVariable String code, @RequestBody ExtensionRequest request) {
        followUp.extendDeadline(id, code, UkDateTimes.parse("deadline", request.deadline(), LocalTime.of(17, 0)));
        return submissions.rows(id).stream().filter(r -> r.participant().organisationCode().equals(
                participation.participant(id, code).organisationCode())).findFirst().map(ParticipantView::of)
                .orElseThrow();
    }

    @PostMapping("/{id}/participants/{code}/reminder")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Email the organisation's lead a reminder now, with a fresh link")
    void remind(@PathVariable long id, @PathVariable String code) {
        followUp.remindNow(id, code);
    }

    @PostMapping(path = "/{id}/organisations/{code}/records", consumes = "text/csv")
    @Operation(summary = "Upload an organisation's records as CSV",
            description = "All rows or none: 422 with every bad row and column. Rows are keyed by team and "
                    + "pseudonym, so the same file uploaded again changes nothing.")
    UploadResult uploadRecords(@PathVariable long id, @PathVariable String code, InputStream csv, Principal who,
            HttpServletRequest request) {
        if (request.getContentLengthLong() > RecordService.MOST_UPLOAD_BYTES) {
            // refused before a byte of it is read; a body without a length is stopped at the limit instead
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than 20 MB: split it "
                    + "into smaller files and upload each");
        }
        return participantRecords.upload(id, code, csv, null, "coordinator " + who.getName());
    }

    @GetMapping("/{id}/organisations/{code}/records")
    @Operation(summary = "An organisation's records, with each record's answers")
    List<AuditRecord> records(@PathVariable long id, @PathVariable String code) {
        return participantRecords.list(id, code);
    }

    @PostMapping("/{id}/submission-closure")
    @Operation(summary = "Close submission now, before its date, and start the analysis",
            description = "409 when submission has already closed")
    CycleView closeSubmission(@PathVariable long id) {
        tracker.closeSubmissionNow(id);
        return view(cycles.get(id));
    }

    @PostMapping("/{id}/publication")
    @Operation(summary = "Publish the reviewed reports", description = "409 unless they are waiting for review")
    CycleView publish(@PathVariable long id) {
        tracker.publish(id);
        return view(cycles.get(id));
    }

    private CycleView view(Cycle cycle) {
        return new CycleView(cycle.id(), cycle.programmeCode(), cycle.kind().name(), cycle.number(), cycle.title(),
                tracker.stage(cycle.id()).name(), MilestoneJson.of(cycle), participation.lateSubmissionsEnd(cycle.id()),
                cycle.closedAt(),
                cycle.publishedAt(), submissions.rows(cycle.id()).stream().map(ParticipantView::of).toList());
    }

    record JoinRequest(String organisationCode) {
    }

    record ExtensionRequest(String deadline) {
    }

    record CycleView(long id, String programme, String kind, int number, String title, String stage,
            Map<String, String> milestones,
            Instant lateSubmissionsEnd, Instant closedAt, Instant publishedAt, List<ParticipantView> participants) {
    }

    record ParticipantView(String organisationCode, String organisationName, String status, boolean confirmed,
            List<String> teams, long records, Instant deadline, boolean deadlineExtended, Instant materialsSentAt,
            Instant submittedAt, Instant lastEmailAt, String lastEmailSubject) {

        static ParticipantView of(TrackerRow row) {
            Participant p = row.participant();
            return new ParticipantView(p.organisationCode(), row.organisationName(), p.status().name(),
                    p.confirmedAt() != null && p.status() != ParticipantStatus.DECLINED, p.teams(), row.records(),
                    row.deadline(),
                    row.extended(), p.materialsSentAt(), p.submittedAt(), row.lastEmailAt(), row.lastEmailSubject());
        }
    }
}
