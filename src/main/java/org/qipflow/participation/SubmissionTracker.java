package org.qipflow.participation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleService;
import org.qipflow.submissions.RecordService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The live submission tracker: every participant's state, deadline and last email, in a few queries. */
@Service
public class SubmissionTracker {

    private final ParticipantRepository participants;
    private final CycleService cycles;
    private final OrganisationService organisations;
    private final AuditSchedule schedule;
    private final Outbox outbox;
    private final RecordService records;
    private final Clock clock;

    SubmissionTracker(ParticipantRepository participants, CycleService cycles, OrganisationService organisations,
            AuditSchedule schedule, Outbox outbox, RecordService records, Clock clock) {
        this.participants = participants;
        this.cycles = cycles;
        this.organisations = organisations;
        this.schedule = schedule;
        this.outbox = outbox;
        this.records = records;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TrackerRow> rows(long cycleId) {
        Cycle cycle = cycles.get(cycleId);
        List<Participant> all = participants.ofCycle(cycleId);
        Map<String, Organisation> byCode = new HashMap<>();
        organisations.list(null).forEach(o -> byCode.put(o.code(), o));
        Map<String, Long> recordCounts = records.counts(cycleId);
        Map<String, OutboxMessage> lastEmail = new HashMap<>();
        outbox.about(all.stream().map(Participant::mailReference).toList())
                .forEach(m -> lastEmail.put(m.reference(), m));
        return all.stream().map(p -> {
            Organisation organisation = byCode.get(p.organisationCode());
            OutboxMessage last = lastEmail.get(p.mailReference());
            return new TrackerRow(p, organisation.name(), recordCounts.getOrDefault(p.organisationCode(), 0L),
                    organisation.localLead().email(),
                    schedule.deadlineInstant(cycle, p), p.deadlineExtension() != null,
                    last == null ? null : last.subject(), last == null ? null : last.createdAt());
        }).toList();
    }

    /** Organisations past their deadline that have not submitted, in cycles still open. */
    @Transactional(readOnly = true)
    public List<NeedsAttention> lateOrganisations() {
        return attention(Set.of(ParticipantStatus.LATE), deadline -> true);
    }

    /** Organisations yet to submit whose deadline falls within the coming period. */
    @Transactional(readOnly = true)
    public List<NeedsAttention> deadlinesWithin(Duration period) {
        Instant now = clock.instant();
        return attention(Set.of(ParticipantStatus.INVITED, ParticipantStatus.CONFIRMED),
                deadline -> !deadline.isBefore(now) && deadline.isBefore(now.plus(period)));
    }

    private List<NeedsAttention> attention(Set<ParticipantStatus> statuses, Predicate<Instant> deadlineWanted) {
        Map<Long, Cycle> cycleById = new HashMap<>();
        List<NeedsAttention> found = new ArrayList<>();
        for (Participant p : participants.inOpenCycles(statuses)) {
            Cycle cycle = cycleById.computeIfAbsent(p.cycleId(), cycles::get);
            Instant deadline = schedule.deadlineInstant(cycle, p);
            if (deadlineWanted.test(deadline)) {
                found.add(new NeedsAttention(cycle, p.organisationCode(), organisations.get(p.organisationCode()).name(),
                        p.status(), deadline));
            }
        }
        found.sort(Comparator.comparing(NeedsAttention::deadline));
        return found;
    }
}
