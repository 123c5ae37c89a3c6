package org.qipflow.programmes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qipflow.common.ConflictException;
import org.qipflow.common.Dates;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.common.UkTime;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.AuditDefinitions;
import org.qipflow.definitions.SameStandards;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Audit cycles and their timelines: scheduling, rescheduling, and the steps the cycle process records. */
@Service
public class CycleService {

    private final ProgrammeRepository programmes;
    private final CycleTimeline timeline;
    private final ApplicationEventPublisher events;
    private final AuditDefinitions definitions;
    private final Clock clock;

    CycleService(ProgrammeRepository programmes, CycleTimeline timeline, ApplicationEventPublisher events,
            AuditDefinitions definitions, Clock clock) {
        this.definitions = definitions;
        this.programmes = programmes;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Cycle get(long id) {
        return programmes.findCycle(id).orElseThrow(() -> new NotFoundException("No audit cycle has the id " + id));
    }

    /** The cycle, locked until the transaction ends, for changes that must not run side by side. */
    @Transactional
    public Cycle getForUpdate(long id) {
        return programmes.findCycleForUpdate(id)
                .orElseThrow(() -> new NotFoundException("No audit cycle has the id " + id));
    }

    @Transactional(readOnly = true)
    public List<Cycle> cyclesOf(String programmeCode) {
        Programme programme = programmes.findByCode(ProgrammeService.normaliseCode(programmeCode))
                .orElseThrow(() -> new NotFoundException("No programme has the code " + programmeCode));
        return programmes.cyclesOf(programme.id());
    }

    /** The earlier rounds of the cycle's programme whose results were published, oldest first. */
    @Transactional(readOnly = true)
    public List<Cycle> earlierPublished(Cycle cycle) {
        return cyclesOf(cycle.programmeCode()).stream()
                .filter(c -> c.number() < cycle.number() && c.publishedAt() != null)
                .sorted(Comparator.comparingInt(Cycle::number)).toList();
    }

    /** Cycles still running: scheduled and not yet published. */
    @Transactional(readOnly = true)
    public List<Cycle> unpublished() {
        return programmes.unpublishedCycles();
    }

    /** The milestones a cycle would have if its data collection started then, without scheduling it. */
    public Milestones plan(ZonedDateTime dataCollectionStart) {
        return timeline.derive(dataCollectionStart, Map.of());
    }

    /**
     * Schedules the next round of a programme. Milestones not given are derived from the data-collection
     * start; milestones already in the past run at once, so a whole cycle can be exercised quickly. A
     * programme has one baseline, first; its re-audits and supplementary audits keep the baseline's
     * standards (see {@link SameStandards}); a closed programme has no more rounds.
     */
    @Transactional
    public Cycle schedule(String programmeCode, CycleKind kind, ZonedDateTime dataCollectionStart,
            Map<Milestone, ZonedDateTime> overrides) {
        Programme programme = programmes.findByCodeForUpdate(ProgrammeService.normaliseCode(programmeCode))
                .orElseThrow(() -> new NotFoundException("No programme has the code " + programmeCode));
        if (programme.closedAt() != null) {
            throw new ConflictException(programme.code() + " was closed on " + Dates.format(programme.closedAt().atZone(UkTime.ZONE))
                    + ": it has no more rounds");
        }
        List<Cycle> earlier = programmes.cyclesOf(programme.id());
        List<FieldProblem> problems = new ArrayList<>();
        if (programme.auditDefinition() == null) {
            problems.add(new FieldProblem("auditDefinition", programme.code() + " has no audit definition yet: "
                    + "attach the one its audits will use before scheduling its first round"));
        }
        if (kind == null) {
            problems.add(new FieldProblem("kind", "Choose the kind of cycle: BASELINE, REAUDIT or SUPPLEMENTARY"));
        } else {
            kindProblem(programme, kind, earlier).ifPresent(problems::add);
        }
        if (dataCollectionStart == null && !overrides.containsKey(Milestone.DATA_COLLECTION_START)) {
            problems.add(new FieldProblem("dataCollectionStart", "Enter the date data collection starts"));
        }
        if (problems.isEmpty()) {
            standardsProblem(programme, earlier).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Milestones milestones = timeline.derive(dataCollectionStart, overrides);
        int definitionVersion = definitions.get(programme.auditDefinition()).version();
        long id = programmes.insertCycle(programme.id(), kind, milestones, definitionVersion, clock.instant());
        events.publishEvent(new CycleScheduled(id));
        return get(id);
    }

    /** A baseline only first, and only once; every later round measures change against it. */
    private static Optional<FieldProblem> kindProblem(Programme programme, CycleKind kind, List<Cycle> earlier) {
        Optional<Cycle> baseline = earlier.stream().filter(c -> c.kind() == CycleKind.BASELINE).findFirst();
        if (kind == CycleKind.BASELINE && baseline.isPresent()) {
            return Optional.of(new FieldProblem("kind", programme.code() + " already has its baseline ("
                    + baseline.get().roundLabel().toLowerCase(Locale.ROOT) + "): choose a re-audit or a supplementary audit"));
        }
        if (kind != CycleKind.BASELINE && baseline.isEmpty()) {
            return Optional.of(new FieldProblem("kind", "Schedule " + programme.code() + "'s baseline audit first: "
                    + kind.label().toLowerCase(Locale.ROOT) + "s measure change against it"));
        }
        return Optional.empty();
    }

    /** A later round uses the definition's latest version only if it keeps the baseline's standards. */
    private Optional<FieldProblem> standardsProblem(Programme programme, List<Cycle> earlier) {
        AuditDefinition latest = definitions.get(programme.auditDefinition());
        return earlier.stream().filter(c -> c.kind() == CycleKind.BASELINE).findFirst()
                .filter(baseline -> baseline.definitionVersion() != latest.version())
                .map(baseline -> SameStandards.changes(definitions.get(latest.id(), baseline.definitionVersion()), latest))
                .filter(changes -> !changes.isEmpty())
                .map(changes -> new FieldProblem("auditDefinition", "Version " + latest.version() + " of " + latest.id()
                        + " changes the standards of the baseline, which every later round must keep: "
                        + String.join("; ", changes) + ". Install a version that keeps them (it may add questions "
                        + "and standards), then schedule the round"));
    }

    /**
     * Moves milestones that have not happened yet. Dates given are kept as given; the others stay
     * where they are. Running timers follow through {@link MilestonesChanged}.
     */
    @Transactional
    public Cycle reschedule(long id, Map<Milestone, ZonedDateTime> changes) {
        Cycle cycle = programmes.findCycleForUpdate(id)
                .orElseThrow(() -> new NotFoundException("No audit cycle has the id " + id));
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        Map<Milestone, ZonedDateTime> moved = new EnumMap<>(Milestone.class);
        changes.forEach((milestone, date) -> {
            ZonedDateTime current = cycle.milestones().get(milestone);
            if (current.toInstant().equals(date.toInstant())) {
                return;
            }
            if (!current.toInstant().isAfter(now)) {
                problems.add(new FieldProblem("milestones." + milestone.key(), milestone.label() + " was "
                        + Dates.format(current) + " and has already happened, so it cannot be moved"));
            } else {
                moved.put(milestone, date);
            }
        });
        if (cycle.closedAt() != null) {
            problems.add(new FieldProblem(null, "Submission for this cycle has closed; its dates can no longer change"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (moved.isEmpty()) {
            return cycle;
        }
        Milestones milestones = cycle.milestones().with(moved);
        CycleTimeline.check(milestones);
        programmes.updateMilestones(id, milestones, now);
        Set<Milestone> which = EnumSet.copyOf(moved.keySet());
        events.publishEvent(new MilestonesChanged(id, which));
        return get(id);
    }

    /** Recorded by the cycle process when submission has closed for everyone. */
    @Transactional
    public void markClosed(long id) {
        programmes.markClosed(id, clock.instant());
    }

    /** Recorded by the cycle process when reports have been published. */
    @Transactional
    public void markPublished(long id) {
        if (programmes.markPublished(id, clock.instant())) {
            events.publishEvent(new CyclePublished(id, get(id).programmeCode()));
        }
    }
}
