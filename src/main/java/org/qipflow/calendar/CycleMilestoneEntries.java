package org.qipflow.calendar;

import java.time.LocalDate;
import java.util.List;

import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleScheduled;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.Milestones;
import org.qipflow.programmes.MilestonesChanged;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The public entries of a cycle, kept in step with its milestones in the transaction that schedules
 * or moves them: materials dispatch, data collection and the submission window as whole days, the
 * submission deadline as a moment, reports due as a day.
 */
@Component
class CycleMilestoneEntries {

    private final CalendarEntries entries;
    private final CycleService cycles;
    private final ProgrammeService programmes;

    CycleMilestoneEntries(CalendarEntries entries, CycleService cycles, ProgrammeService programmes) {
        this.entries = entries;
        this.cycles = cycles;
        this.programmes = programmes;
    }

    /** Cycles scheduled before the calendar existed get their entries once, at start. */
    @EventListener(ApplicationReadyEvent.class)
    void addMissing() {
        programmes.list().forEach(p -> cycles.cyclesOf(p.code()).stream()
                .filter(c -> !entries.hasEntries(c.id(), null))
                .forEach(c -> entries.reconcile(c, null, drafts(c))));
    }

    @EventListener
    void scheduled(CycleScheduled event) {
        sync(event.cycleId());
    }

    @EventListener
    void moved(MilestonesChanged event) {
        sync(event.cycleId());
    }

    void sync(long cycleId) {
        Cycle cycle = cycles.get(cycleId);
        entries.reconcile(cycle, null, drafts(cycle));
    }

    List<EntryDraft> drafts(Cycle cycle) {
        Milestones m = cycle.milestones();
        String title = cycle.title();
        String about = " (" + cycle.programmeTitle() + ")";
        String url = entries.link("/calendar");
        return List.of(
                EntryDraft.days(uid(cycle, "materials"), title + ": audit materials sent",
                        "Audit materials are emailed to each member organisation's local lead" + about + ".", url,
                        day(m, Milestone.MATERIALS_DISPATCH), day(m, Milestone.MATERIALS_DISPATCH)),
                EntryDraft.days(uid(cycle, "collection"), title + ": data collection",
                        "Teams collect the audit data" + about + ".", url,
                        day(m, Milestone.DATA_COLLECTION_START), day(m, Milestone.DATA_COLLECTION_END)),
                EntryDraft.days(uid(cycle, "submission"), title + ": online submission",
                        "Local leads enter or upload their records and submit" + about + ".", url,
                        day(m, Milestone.SUBMISSION_OPENS), day(m, Milestone.SUBMISSION_CLOSES)),
                EntryDraft.moment(uid(cycle, "deadline"), title + ": submission deadline",
                        "Online submission closes" + about + ". Organisations with an extension have their own "
                                + "deadline in their private calendar.", url,
                        m.get(Milestone.SUBMISSION_CLOSES).toInstant()),
                EntryDraft.days(uid(cycle, "report"), title + ": reports due",
                        "Benchmarking reports are due" + about + ".", url,
                        day(m, Milestone.REPORT_DUE), day(m, Milestone.REPORT_DUE)));
    }

    private String uid(Cycle cycle, String kind) {
        return entries.uid(cycle.id(), null, kind);
    }

    private static LocalDate day(Milestones milestones, Milestone milestone) {
        return milestones.get(milestone).withZoneSameInstant(IcsWriter.LONDON).toLocalDate();
    }
}
