package org.qipflow.topics;

/** The coordinator's score of one criterion for a topic, with the note that explains it. */
public record TopicScore(Criterion criterion, CriterionScore score, String note) {
}
