package org.qipflow.topics;

import java.time.Clock;
import java.util.List;

import org.qipflow.common.ConflictException;
import org.qipflow.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' votes on the shortlisted topics: one per organisation per topic, cast by its local lead.
 * Who proposed a topic is not shown to voters.
 */
@Service
public class TopicVotes {

    private final TopicRepository topics;
    private final Clock clock;

    TopicVotes(TopicRepository topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    /** A shortlisted topic, and which of the voter's organisations have voted for it. */
    public record Shortlisted(long id, String title, String problem, String niceGuidance, List<String> votedBy) {
    }

    /** The topics put to members' votes, with the votes these organisations have cast. */
    @Transactional(readOnly = true)
    public List<Shortlisted> shortlist(List<String> organisationCodes) {
        return topics.withStatus(List.of(TopicStatus.SCREENING, TopicStatus.QUESTION_ASKED)).stream()
                .filter(Topic::shortlisted)
                .map(t -> new Shortlisted(t.id(), t.title(), t.problem(), t.niceGuidance(),
                        topics.votersAmong(t.id(), organisationCodes)))
                .toList();
    }

    /**
     * The organisation's vote for the topic. The caller has checked the voter leads the organisation.
     *
     * @return false when the organisation had voted for it already (nothing changes)
     */
    @Transactional
    public boolean vote(long topicId, String organisationCode, String votedBy) {
        // the topic's row is locked, so a vote sent twice at once waits, then finds the first
        Topic topic = topics.findForUpdate(topicId).orElseThrow(() -> new NotFoundException("No topic " + topicId));
        if (!topic.shortlisted() || !topic.status().underConsideration()) {
            throw new ConflictException("\"" + topic.title() + "\" is not open to votes now");
        }
        return topics.vote(topicId, organisationCode, votedBy, clock.instant());
    }
}
