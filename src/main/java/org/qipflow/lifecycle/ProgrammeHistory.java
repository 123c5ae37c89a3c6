package org.qipflow.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qipflow.common.Dates;
import org.qipflow.common.UkTime;
import org.qipflow.participation.ParticipantStatus;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.MilestoneJson;
import org.qipflow.programmes.Programme;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.reporting.ProgrammeResults;
import org.qipflow.topics.CriterionScore;
import org.qipflow.topics.TopicScreening;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A programme's whole history, for its page and {@code GET /api/programmes/{code}}: one model for both. */
@Service
public class ProgrammeHistory {

    private final ProgrammeService programmes;
    private final CycleService cycles;
    private final ProgrammeRhythm rhythm;
    private final TopicScreening topics;
    private final ParticipationService participation;
    private final ProgrammeResults results;
    private final ProgrammeProcess process;

    ProgrammeHistory(ProgrammeService programmes, CycleService cycles, ProgrammeRhythm rhythm, TopicScreening topics,
            ParticipationService participation, ProgrammeResults results, ProgrammeProcess process) {
        this.programmes = programmes;
        this.cycles = cycles;
        this.rhythm = rhythm;
        this.topics = topics;
        this.participation = participation;
        this.results = results;
        this.process = process;
    }

    /**
     * @param nomination null for a programme added directly rather than adopted from a topic
     * @param next       what comes next, in words, with the next round's proposed dates where there are any
     */
    public record History(String code, String title, String auditDefinition, int interventionMonths, ProgrammeStage stage,
            String stageLabel, Instant createdAt, Instant closedAt, Nomination nomination, List<Round> rounds,
            Next next) {
    }

    /** The topic the programme was adopted from: when it was proposed, confirmed and adopted, and how it scored. */
    public record Nomination(long topicId, String title, Instant proposedAt, Instant confirmedAt, Instant adoptedAt,
            int points, int mostPoints, int votes) {
    }

    /**
     * One round with its dates, who took part and, once published, its national results.
     *
     * @param newToProgramme organisations taking part for the first time in the programme
     */
    public record Round(long cycleId, CycleKind kind, int number, String label, int definitionVersion,
            Map<String, String> milestones, Instant closedAt, Instant publishedAt, int organisations, int submitted,
            int newToProgramme, List<Result> results) {

        /** A milestone as the page reads it, "Mon 29 Apr 2030 17:00". */
        public String date(String milestone) {
            return readable(milestones.get(milestone));
        }

        // The page's sentences are made here, once, rather than in template expressions evaluated by reflection.

        public String collection() {
            return date(Milestone.DATA_COLLECTION_START.key()) + " to " + date(Milestone.DATA_COLLECTION_END.key());
        }

        public String reports() {
            return publishedAt == null ? "due " + date(Milestone.REPORT_DUE.key()) : "published " + Dates.day(publishedAt);
        }

        public String takingPart() {
            return organisations + (organisations == 1 ? " organisation, " : " organisations, ") + submitted + " submitted"
                    + (newToProgramme > 0 ? "; " + newToProgramme + " new to the programme" : "");
        }
    }

    /** A standard's national figure in one round, with its change from the previous round and the baseline. */
    public record Result(String standardId, String standard, Integer numerator, Integer denominator, String percent,
            Long pointsFromPrevious, Long pointsFromBaseline, String changeFromPrevious, String changeFromBaseline) {

        /** "75% (30 of 40)", or the percent's dash where the round had no figure. */
        public String meets() {
            return numerator == null ? percent : percent + " (" + numerator + " of " + denominator + ")";
        }
    }

    /** @param proposedMilestones the next round's dates as proposed (tentative); null when there is none */
    public record Next(String summary, Instant interventionEnds, Map<String, String> proposedMilestones) {

        /** A proposed milestone as the page reads it. */
        public String date(String milestone) {
            return readable(proposedMilestones.get(milestone));
        }
    }

    private static String readable(String isoDateTime) {
        return Dates.format(OffsetDateTime.parse(isoDateTime).atZoneSameInstant(UkTime.ZONE));
    }

    @Transactional(readOnly = true)
    public History of(String code) {
        Programme programme = programmes.get(code);
        List<Cycle> rounds = cycles.cyclesOf(programme.code());
        ProgrammeRhythm.Proposal proposal = rhythm.next(programme, rounds).orElse(null);
        ProgrammeStage stage = ProgrammeStage.of(programme, rounds, () -> process.nextRoundAsked(programme.code()));
        Nomination nomination = topics.adoptedAs(programme.code()).map(s -> new Nomination(s.topic().id(),
                s.topic().title(), s.topic().createdAt(), s.topic().confirmedAt(), s.topic().decidedAt(), s.points(),
                CriterionScore.most(), s.votes())).orElse(null);
        return new History(programme.code(), programme.title(), programme.auditDefinition(),
                programme.interventionMonths(), stage, stage.label(), programme.createdAt(), programme.closedAt(),
                nomination, rounds(rounds), next(programme, stage, rounds, proposal));
    }

    private List<Round> rounds(List<Cycle> rounds) {
        List<Cycle> published = rounds.stream().filter(c -> c.publishedAt() != null).toList();
        Map<Long, List<Result>> figures = new HashMap<>();
        for (ProgrammeResults.StandardTrend trend : results.national(published)) {
            for (ProgrammeResults.RoundFigure f : trend.rounds()) {
                figures.computeIfAbsent(f.cycleId(), id -> new ArrayList<>()).add(new Result(trend.standardId(),
                        trend.text(), f.numerator(), f.denominator(), f.percent(), f.pointsFromPrevious(),
                        f.pointsFromBaseline(), f.changeFromPrevious(), f.changeFromBaseline()));
            }
        }
        Set<String> earlier = new HashSet<>();
        List<Round> result = new ArrayList<>();
        for (Cycle cycle : rounds) {
            Map<String, ParticipantStatus> participants = participation.statuses(cycle.id());
            int submitted = (int) participants.values().stream().filter(ParticipantStatus::submitted).count();
            int fresh = (int) participants.keySet().stream().filter(code -> !earlier.contains(code)).count();
            earlier.addAll(participants.keySet());
            result.add(new Round(cycle.id(), cycle.kind(), cycle.number(), cycle.roundLabel(), cycle.definitionVersion(),
                    MilestoneJson.of(cycle), cycle.closedAt(), cycle.publishedAt(), participants.size(), submitted,
                    cycle.number() == 1 ? 0 : fresh, figures.getOrDefault(cycle.id(), List.of())));
        }
        return result;
    }

    private static Next next(Programme programme, ProgrammeStage stage, List<Cycle> rounds,
            ProgrammeRhythm.Proposal proposal) {
        Map<String, String> proposed = proposal == null ? null : MilestoneJson.of(proposal.milestones());
        Instant ends = proposal == null ? null : proposal.interventionEnds();
        String proposedStart = proposal == null ? "" : " The next round is proposed to start data collection on "
                + Dates.format(proposal.dataCollectionStart()) + ".";
        String summary = switch (stage) {
            case CLOSED -> "Closed on " + Dates.format(programme.closedAt().atZone(UkTime.ZONE)) + ": no more rounds.";
            case DRAFT -> programme.auditDefinition() == null
                    ? "Attach the audit definition its rounds will use, then schedule the baseline audit."
                    : "Schedule the baseline audit.";
            case INTERVENTION_PERIOD -> "Members put changes in place until " + Dates.format(ends.atZone(UkTime.ZONE))
                    + "." + proposedStart;
            case NEXT_ROUND_DUE -> "The intervention period is over: schedule the next round, a re-audit or a "
                    + "supplementary audit, or close the programme." + proposedStart;
            default -> {
                Cycle running = rounds.stream().filter(c -> c.publishedAt() == null).findFirst().orElseThrow();
                yield running.roundLabel() + " is running; its reports are due "
                        + Dates.format(running.milestones().get(Milestone.REPORT_DUE)) + ", then an intervention period of "
                        + programme.interventionMonths() + (programme.interventionMonths() == 1 ? " month." : " months.")
                        + proposedStart;
            }
        };
        return new Next(summary, ends, proposed);
    }
}
