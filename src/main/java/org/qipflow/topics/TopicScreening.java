package org.qipflow.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's screening: scores against the eight criteria with a note each, the shortlist put
 * to members' votes, and the decision, carried out by the process's next step in the same transaction.
 */
@Service
public class TopicScreening {

    private final TopicRepository topics;
    private final TopicProcess process;
    private final ProgrammeService programmes;

    TopicScreening(TopicRepository topics, TopicProcess process, ProgrammeService programmes) {
        this.topics = topics;
        this.process = process;
        this.programmes = programmes;
    }

    /** A topic as the coordinator sees it: scores and votes side by side. */
    public record Screened(Topic topic, Map<Criterion, TopicScore> scores, int votes, boolean decidable) {

        /** The points scored so far, out of {@link CriterionScore#most()}. */
        public int points() {
            return scores.values().stream().mapToInt(s -> s.score().points()).sum();
        }

        public boolean fullyScored() {
            return scores.size() == Criterion.values().length;
        }
    }

    /** Topics under consideration first, then those decided, each with its points and votes. */
    @Transactional(readOnly = true)
    public List<Screened> list() {
        Map<Long, Integer> votes = topics.voteCounts();
        return topics.withStatus(List.of(TopicStatus.SCREENING, TopicStatus.QUESTION_ASKED, TopicStatus.ADOPTED,
                        TopicStatus.DECLINED)).stream()
                .sorted((a, b) -> Boolean.compare(b.status().underConsideration(), a.status().underConsideration()))
                .map(t -> new Screened(t, topics.scores(t.id()), votes.getOrDefault(t.id(), 0), false)).toList();
    }

    @Transactional(readOnly = true)
    public Screened get(long id) {
        Topic topic = topics.find(id).filter(t -> t.status() != TopicStatus.AWAITING_CONFIRMATION)
                .orElseThrow(() -> new NotFoundException("No topic " + id + " is waiting for screening or decided"));
        return new Screened(topic, topics.scores(id), topics.voteCounts().getOrDefault(id, 0),
                process.inScreening(id));
    }

    /** The topic this programme was adopted from, with its screening; empty for a programme added directly. */
    @Transactional(readOnly = true)
    public Optional<Screened> adoptedAs(String programmeCode) {
        return topics.adoptedAs(programmeCode).map(topic -> new Screened(topic, topics.scores(topic.id()),
                topics.voteCounts().getOrDefault(topic.id(), 0), false));
    }

    /**
     * Keeps the scores and notes given, by criterion: {@code score.NICE_GUIDANCE} is a {@link CriterionScore}'s
     * name, {@code note.NICE_GUIDANCE} the note. A criterion left unscored stays so.
     */
    @Transactional
    public void saveScores(long id, Map<String, String> form) {
        Topic topic = open(id);
        List<FieldProblem> problems = new ArrayList<>();
        List<TopicScore> scores = scores(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        topics.replaceScores(topic.id(), scores);
    }

    /** Puts the topic to members' votes, or takes it back off the shortlist (the votes cast stay). */
    @Transactional
    public void shortlist(long id, boolean shortlisted) {
        topics.setShortlisted(open(id).id(), shortlisted);
    }

    /**
     * Records the decision and completes the screening task: adopting names the draft programme,
     * declining says why (the proposer reads it, with every criterion's score and note), asking says
     * what the proposer should answer. Adopting or declining needs all eight criteria scored.
     */
    @Transactional
    public void decide(long id, Map<String, String> form) {
        Topic topic = open(id);
        if (!process.inScreening(id)) {
            throw new ConflictException("The proposer has a question open; the topic can be decided once it is "
                    + "answered or its 21 days have passed");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<TopicScore> scores = scores(form, problems);
        TopicProcess.Decision decision = decision(form.get("decision"), problems);
        String reasons = text(form, "reasons", problems, decision == TopicProcess.Decision.DECLINE,
                "Say why the topic is declined: the proposer reads it");
        String question = text(form, "question", problems, decision == TopicProcess.Decision.ASK,
                "Enter the question for the proposer");
        String code = form.getOrDefault("programmeCode", "").trim();
        String title = form.getOrDefault("programmeTitle", "").trim();
        if (decision == TopicProcess.Decision.ADOPT) {
            programmes.problemsWith(code, title).forEach(p -> problems.add(
                    new FieldProblem(p.field().equals("code") ? "programmeCode" : "programmeTitle", p.message())));
        }
        if (decision != null && decision != TopicProcess.Decision.ASK && scores.size() < Criterion.values().length) {
            for (Criterion c : Criterion.values()) {
                if (scores.stream().noneMatch(s -> s.criterion() == c) && problems.stream()
                        .noneMatch(p -> p.field().equals(c.scoreField()))) {
                    problems.add(new FieldProblem(c.scoreField(), "Score \"" + c.label() + "\" before deciding"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        topics.replaceScores(topic.id(), scores);
        topics.recordDecision(topic.id(), reasons, question,
                decision == TopicProcess.Decision.ADOPT ? code.toUpperCase(Locale.ROOT) : null,
                decision == TopicProcess.Decision.ADOPT ? title : null);
        process.decide(topic.id(), decision);
    }

    private Topic open(long id) {
        Topic topic = topics.findForUpdate(id).orElseThrow(() -> new NotFoundException("No topic " + id));
        if (!topic.status().underConsideration()) {
            throw new ConflictException("\"" + topic.title() + "\" has been decided: " + topic.status().label());
        }
        return topic;
    }

    private static List<TopicScore> scores(Map<String, String> form, List<FieldProblem> problems) {
        List<TopicScore> scores = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            String given = form.getOrDefault(c.scoreField(), "").trim();
            String note = form.getOrDefault(c.noteField(), "").trim();
            if (note.length() > 2000) {
                problems.add(new FieldProblem(c.noteField(), "Shorten the note on \"" + c.label()
                        + "\" to 2,000 characters or fewer"));
            }
            if (given.isEmpty()) {
                continue;
            }
            try {
                scores.add(new TopicScore(c, CriterionScore.valueOf(given), note.isEmpty() ? null : note));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(c.scoreField(), "Choose Not met, Partly met or Met for \"" + c.label()
                        + "\""));
            }
        }
        return scores;
    }

    private static TopicProcess.Decision decision(String given, List<FieldProblem> problems) {
        try {
            return TopicProcess.Decision.valueOf(given == null ? "" : given.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("decision", "Choose whether to adopt the topic, decline it or ask the "
                    + "proposer for more"));
            return null;
        }
    }

    private static String text(Map<String, String> form, String field, List<FieldProblem> problems, boolean needed,
            String missing) {
        String value = form.getOrDefault(field, "").trim();
        if (needed && value.isEmpty()) {
            problems.add(new FieldProblem(field, missing));
        } else if (value.length() > TopicProposal.LONG_TEXT) {
            problems.add(new FieldProblem(field, "Shorten this to 4,000 characters or fewer"));
        }
        return needed ? value : null;
    }
}
