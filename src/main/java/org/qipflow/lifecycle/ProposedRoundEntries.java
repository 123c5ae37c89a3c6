package org.qipflow.lifecycle;

import java.time.LocalDate;
import java.util.List;

import org.qipflow.calendar.CalendarEntries;
import org.qipflow.calendar.EntryDraft;
import org.qipflow.common.UkTime;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CyclePublished;
import org.qipflow.programmes.CycleScheduled;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.InterventionPeriodChanged;
import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.Milestones;
import org.qipflow.programmes.MilestonesChanged;
import org.qipflow.programmes.Programme;
import org.qipflow.programmes.ProgrammeClosed;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The next round's proposed dates in the public and programme calendar feeds, as tentative entries
 * hung on the programme's latest round: moved when anything they rest on moves, cancelled once that
 * round is scheduled (its own entries take over) or the programme is closed.
 */
@Component
class ProposedRoundEntries {

    private final ProgrammeService programmes;
    private final CycleService cycles;
    private final ProgrammeRhythm rhythm;
    private final CalendarEntries entries;

    ProposedRoundEntries(ProgrammeService programmes, CycleService cycles, ProgrammeRhythm rhythm,
            CalendarEntries entries) {
        this.programmes = programmes;
        this.cycles = cycles;
        this.rhythm = rhythm;
        this.entries = entries;
    }

    @EventListener
    void scheduled(CycleScheduled event) {
        sync(cycles.get(event.cycleId()).programmeCode());
    }

    @EventListener
    void moved(MilestonesChanged event) {
        sync(cycles.get(event.cycleId()).programmeCode());
    }

    @EventListener
    void published(CyclePublished event) {
        sync(event.programmeCode());
    }

    @EventListener
    void periodChanged(InterventionPeriodChanged event) {
        sync(event.programmeCode());
    }

    @EventListener
    void closed(ProgrammeClosed event) {
        sync(event.programmeCode());
    }

    void sync(String programmeCode) {
        Programme programme = programmes.get(programmeCode);
        List<Cycle> rounds = cycles.cyclesOf(programme.code());
        for (int i = 0; i < rounds.size(); i++) {
            Cycle round = rounds.get(i);
            List<EntryDraft> drafts = i < rounds.size() - 1 ? List.of()
                    : rhythm.next(programme, rounds).map(next -> drafts(round, next.milestones())).orElse(List.of());
            entries.reconcileProposed(round, drafts);
        }
    }

    private List<EntryDraft> drafts(Cycle latest, Milestones next) {
        String title = latest.programmeCode() + " " + latest.programmeTitle() + ": next round (proposed)";
        String about = " Proposed from the programme's rhythm; the dates are confirmed when the round is scheduled.";
        String url = entries.link("/calendar");
        return List.of(
                EntryDraft.days(entries.proposedUid(latest.id(), "materials"), title + ": audit materials sent",
                        "Audit materials would be emailed to each member organisation's local lead." + about, url,
                        day(next, Milestone.MATERIALS_DISPATCH), day(next, Milestone.MATERIALS_DISPATCH)).asTentative(),
                EntryDraft.days(entries.proposedUid(latest.id(), "collection"), title + ": data collection",
                        "Teams would collect the audit data." + about, url,
                        day(next, Milestone.DATA_COLLECTION_START), day(next, Milestone.DATA_COLLECTION_END)).asTentative(),
                EntryDraft.moment(entries.proposedUid(latest.id(), "deadline"), title + ": submission deadline",
                        "Online submission would close." + about, url,
                        next.get(Milestone.SUBMISSION_CLOSES).toInstant()).asTentative());
    }

    private static LocalDate day(Milestones milestones, Milestone milestone) {
        return milestones.get(milestone).withZoneSameInstant(UkTime.ZONE).toLocalDate();
    }
}
