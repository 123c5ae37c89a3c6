package org.qipflow.outliers;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.qipflow.reporting.OutlierFlags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code outlier_review} and its timeline, {@code outlier_review_step}. */
@Repository
class OutlierReviewRepository {

    private static final String COLUMNS = """
            id, cycle_id, organisation_code, standard_id, opened_level, opened_direction, opened_numerator,
            opened_denominator, opened_z, status, due_at, response, decision_note, confirmed_level,
            letter is not null as has_letter, opened_at, closed_at
            """;

    private final JdbcClient jdbc;

    OutlierReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new review's id */
    long insert(long cycleId, OutlierFlags.Flag flag, String standardId, Instant now) {
        jdbc.sql("""
                insert into outlier_review (cycle_id, organisation_code, standard_id, opened_level, opened_direction,
                       opened_numerator, opened_denominator, opened_z, status, opened_at)
                values (:cycle, :org, :standard, :level, :direction, :numerator, :denominator, :z, :status, :now)
                """).param("cycle", cycleId).param("org", flag.organisationCode()).param("standard", standardId)
                .param("level", flag.level().name()).param("direction", flag.direction().name())
                .param("numerator", flag.numerator()).param("denominator", flag.denominator()).param("z", flag.z())
                .param("status", OutlierReview.Status.AWAITING_RESPONSE.name()).param("now", utc(now)).update();
        return find(cycleId, flag.organisationCode(), standardId).orElseThrow().id();
    }

    Optional<OutlierReview> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from outlier_review where id = :id").param("id", id)
                .query(this::review).optional();
    }

    /** The review, locked until the transaction ends: its steps happen one after the other. */
    Optional<OutlierReview> findForUpdate(long id) {
        return jdbc.sql("select id from outlier_review where id = :id for update").param("id", id).query(Long.class)
                .optional().flatMap(this::find);
    }

    Optional<OutlierReview> find(long cycleId, String organisationCode, String standardId) {
        return jdbc.sql("select " + COLUMNS + """
                 from outlier_review where cycle_id = :cycle and organisation_code = :org and standard_id = :standard
                """).param("cycle", cycleId).param("org", organisationCode).param("standard", standardId)
                .query(this::review).optional();
    }

    List<OutlierReview> ofCycle(long cycleId) {
        return jdbc.sql("select " + COLUMNS + " from outlier_review where cycle_id = :cycle order by id")
                .param("cycle", cycleId).query(this::review).list();
    }

    void waitFor(long id, OutlierReview.Status status, Instant dueAt) {
        jdbc.sql("update outlier_review set status = :status, due_at = :due where id = :id")
                .param("status", status.name()).param("due", dueAt == null ? null : utc(dueAt)).param("id", id)
                .update();
    }

    void respond(long id, String response) {
        jdbc.sql("update outlier_review set response = :response where id = :id").param("response", response)
                .param("id", id).update();
    }

    void decide(long id, String note, OutlierFlags.Level confirmedLevel) {
        jdbc.sql("update outlier_review set decision_note = :note, confirmed_level = :level where id = :id")
                .param("note", note).param("level", confirmedLevel == null ? null : confirmedLevel.name())
                .param("id", id).update();
    }

    void close(long id, OutlierReview.Status status, Instant now) {
        jdbc.sql("update outlier_review set status = :status, due_at = null, closed_at = :now where id = :id")
                .param("status", status.name()).param("now", utc(now)).param("id", id).update();
    }

    void storeLetter(long id, byte[] pdf) {
        jdbc.sql("update outlier_review set letter = :pdf where id = :id").param("pdf", pdf).param("id", id).update();
    }

    Optional<byte[]> letter(long id) {
        return jdbc.sql("select letter from outlier_review where id = :id and letter is not null").param("id", id)
                .query((rs, n) -> rs.getBytes("letter")).optional();
    }

    void addStep(long id, OutlierReview.Step step, String actor, String detail, Instant now) {
        jdbc.sql("""
                insert into outlier_review_step (review_id, step, actor, detail, taken_at)
                values (:id, :step, :actor, :detail, :now)
                """).param("id", id).param("step", step.name()).param("actor", actor).param("detail", detail)
                .param("now", utc(now)).update();
    }

    List<OutlierReview.TimelineStep> steps(long id) {
        return jdbc.sql("select * from outlier_review_step where review_id = :id order by taken_at, id")
                .param("id", id).query((rs, n) -> new OutlierReview.TimelineStep(
                        OutlierReview.Step.valueOf(rs.getString("step")), rs.getString("actor"),
                        rs.getString("detail"), instant(rs, "taken_at"))).list();
    }

    private OutlierReview review(ResultSet rs, int row) throws SQLException {
        String confirmed = rs.getString("confirmed_level");
        return new OutlierReview(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("organisation_code"),
                rs.getString("standard_id"), OutlierFlags.Level.valueOf(rs.getString("opened_level")),
                OutlierFlags.Direction.valueOf(rs.getString("opened_direction")), rs.getInt("opened_numerator"),
                rs.getInt("opened_denominator"), rs.getDouble("opened_z"),
                OutlierReview.Status.valueOf(rs.getString("status")), instant(rs, "due_at"), rs.getString("response"),
                rs.getString("decision_note"), confirmed == null ? null : OutlierFlags.Level.valueOf(confirmed),
                rs.getBoolean("has_letter"), instant(rs, "opened_at"), instant(rs, "closed_at"));
    }
}
