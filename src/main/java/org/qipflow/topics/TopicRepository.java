package org.qipflow.topics;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code topic}, {@code topic_score} and {@code topic_vote}. */
@Repository
class TopicRepository {

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(TopicProposal proposal, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into topic (title, problem, nice_guidance, why_now, proposer_name, proposer_organisation,
                                   proposer_email, status, shortlisted, questions_asked, created_at, version)
                values (:title, :problem, :nice, :whyNow, :name, :organisation, :email, :status, false, 0, :now, 0)
                """)
                .param("title", proposal.title()).param("problem", proposal.problem())
                .param("nice", proposal.niceGuidance()).param("whyNow", proposal.whyNow())
                .param("name", proposal.proposerName()).param("organisation", proposal.proposerOrganisation())
                .param("email", proposal.proposerEmail()).param("status", TopicStatus.AWAITING_CONFIRMATION.name())
                .param("now", utc(now)).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Topic> find(long id) {
        return jdbc.sql("select * from topic where id = :id").param("id", id).query(this::topic).optional();
    }

    /** The topic, its row locked until the transaction ends, so two decisions on it run one after the other. */
    Optional<Topic> findForUpdate(long id) {
        jdbc.sql("select id from topic where id = :id for update").param("id", id).query(Long.class).optional();
        return find(id);
    }

    /** The topic adopted as this programme, if it came from one. */
    Optional<Topic> adoptedAs(String programmeCode) {
        return jdbc.sql("select * from topic where programme_code = :code and status = 'ADOPTED'")
                .param("code", programmeCode).query(this::topic).optional();
    }

    List<Topic> withStatus(List<TopicStatus> statuses) {
        return jdbc.sql("select * from topic where status in (:statuses) order by created_at, id")
                .param("statuses", statuses.stream().map(Enum::name).toList()).query(this::topic).list();
    }

    /** How many topics this address proposed since then, whatever became of them. */
    int proposedSince(String email, Instant since) {
        return jdbc.sql("select count(*) from topic where lower(proposer_email) = lower(:email) and created_at >= :since")
                .param("email", email).param("since", utc(since)).query(Integer.class).single();
    }

    /** The proposer confirmed the address: the topic goes to screening. */
    void confirmed(long id, Instant now) {
        jdbc.sql("update topic set status = :status, confirmed_at = :now, version = version + 1 where id = :id")
                .param("status", TopicStatus.SCREENING.name()).param("now", utc(now)).param("id", id).update();
    }

    void setShortlisted(long id, boolean shortlisted) {
        jdbc.sql("update topic set shortlisted = :shortlisted, version = version + 1 where id = :id")
                .param("shortlisted", shortlisted).param("id", id).update();
    }

    /** What the coordinator decided, kept for the process step that carries it out. */
    void recordDecision(long id, String reasons, String question, String programmeCode, String programmeTitle) {
        jdbc.sql("""
                update topic set decision_reasons = :reasons, question = coalesce(:question, question),
                                 programme_code = :code, programme_title = :title, version = version + 1
                 where id = :id
                """)
                .param("reasons", reasons).param("question", question).param("code", programmeCode)
                .param("title", programmeTitle).param("id", id).update();
    }

    void questionAsked(long id) {
        jdbc.sql("update topic set status = :status, answer = null, questions_asked = questions_asked + 1, "
                        + "version = version + 1 where id = :id")
                .param("status", TopicStatus.QUESTION_ASKED.name()).param("id", id).update();
    }

    void answer(long id, String answer) {
        jdbc.sql("update topic set status = :status, answer = :answer, version = version + 1 where id = :id")
                .param("status", TopicStatus.SCREENING.name()).param("answer", answer).param("id", id).update();
    }

    void decided(long id, TopicStatus outcome, Instant now) {
        jdbc.sql("update topic set status = :status, shortlisted = false, decided_at = :now, version = version + 1 "
                        + "where id = :id")
                .param("status", outcome.name()).param("now", utc(now)).param("id", id).update();
    }

    /** An unconfirmed proposal is removed whole: nothing of an address never confirmed is kept. */
    void delete(long id) {
        jdbc.sql("delete from topic where id = :id").param("id", id).update();
    }

    Map<Criterion, TopicScore> scores(long id) {
        Map<Criterion, TopicScore> scores = new LinkedHashMap<>();
        jdbc.sql("select * from topic_score where topic_id = :id").param("id", id)
                .query((rs, n) -> new TopicScore(Criterion.valueOf(rs.getString("criterion")),
                        CriterionScore.ofPoints(rs.getInt("score")), rs.getString("note")))
                .list().forEach(s -> scores.put(s.criterion(), s));
        return scores;
    }

    void replaceScores(long id, List<TopicScore> scores) {
        jdbc.sql("delete from topic_score where topic_id = :id").param("id", id).update();
        for (TopicScore s : scores) {
            jdbc.sql("insert into topic_score (topic_id, criterion, score, note) values (:id, :criterion, :score, :note)")
                    .param("id", id).param("criterion", s.criterion().name()).param("score", s.score().points())
                    .param("note", s.note()).update();
        }
    }

    /** @return false when the organisation had already voted for the topic */
    boolean vote(long id, String organisationCode, String votedBy, Instant now) {
        return jdbc.sql("""
                insert into topic_vote (topic_id, organisation_code, voted_by, voted_at)
                select :id, :code, :by, :now where not exists
                       (select 1 from topic_vote where topic_id = :id and organisation_code = :code)
                """)
                .param("id", id).param("code", organisationCode).param("by", votedBy).param("now", utc(now))
                .update() == 1;
    }

    /** Votes per topic. */
    Map<Long, Integer> voteCounts() {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select topic_id, count(*) as votes from topic_vote group by topic_id")
                .query((rs, n) -> Map.entry(rs.getLong("topic_id"), rs.getInt("votes"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Which of these organisations have voted for the topic. */
    List<String> votersAmong(long id, List<String> organisationCodes) {
        if (organisationCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select organisation_code from topic_vote where topic_id = :id and organisation_code in (:codes) "
                        + "order by organisation_code")
                .param("id", id).param("codes", organisationCodes).query(String.class).list();
    }

    private Topic topic(ResultSet rs, int row) throws SQLException {
        return new Topic(rs.getLong("id"), rs.getString("title"), rs.getString("problem"),
                rs.getString("nice_guidance"), rs.getString("why_now"), rs.getString("proposer_name"),
                rs.getString("proposer_organisation"), rs.getString("proposer_email"),
                TopicStatus.valueOf(rs.getString("status")), rs.getBoolean("shortlisted"), rs.getString("question"),
                rs.getString("answer"), rs.getInt("questions_asked"), rs.getString("decision_reasons"),
                rs.getString("programme_code"), rs.getString("programme_title"), instant(rs, "created_at"), instant(rs, "confirmed_at"), instant(rs, "decided_at"), rs.getInt("version"));
    }
}
