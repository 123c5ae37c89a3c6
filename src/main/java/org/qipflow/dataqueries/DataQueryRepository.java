package org.qipflow.dataqueries;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code data_query}. */
@Repository
class DataQueryRepository {

    private final JdbcClient jdbc;

    DataQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DataQuery> of(long cycleId, String organisationCode) {
        return jdbc.sql("select * from data_query where cycle_id = :cycle and organisation_code = :org order by asked_at desc, id desc")
                .param("cycle", cycleId).param("org", organisationCode).query(this::query).list();
    }

    Optional<DataQuery> find(long id) {
        return jdbc.sql("select * from data_query where id = :id").param("id", id).query(this::query).optional();
    }

    /** @return the new query's id */
    long insert(long cycleId, String organisationCode, Long recordId, String recordLabel, String question,
            String askedBy, Instant now) {
        jdbc.sql("""
                insert into data_query (cycle_id, organisation_code, record_id, record_label, question, asked_by, asked_at)
                values (:cycle, :org, :record, :label, :question, :by, :now)
                """).param("cycle", cycleId).param("org", organisationCode).param("record", recordId)
                .param("label", recordLabel).param("question", question).param("by", askedBy).param("now", utc(now))
                .update();
        return of(cycleId, organisationCode).get(0).id();
    }

    void answer(long id, String answer, Instant now) {
        jdbc.sql("update data_query set answer = :answer, answered_at = :now where id = :id and answered_at is null")
                .param("answer", answer).param("now", utc(now)).param("id", id).update();
    }

    private DataQuery query(ResultSet rs, int row) throws SQLException {
        long recordId = rs.getLong("record_id");
        return new DataQuery(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("organisation_code"),
                rs.wasNull() ? null : recordId, rs.getString("record_label"), rs.getString("question"),
                rs.getString("asked_by"), instant(rs, "asked_at"), rs.getString("answer"), instant(rs, "answered_at"));
    }
}
