package org.qipflow.submissions;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code audit_record} and its history; uploads are written in JDBC batches. */
@Repository
class RecordRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RecordRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A record to write: new when {@code id} is null. */
    record Row(Long id, String team, String pseudonym, Map<String, String> answers) {
    }

    List<AuditRecord> list(long cycleId, String organisationCode) {
        return jdbc.sql("""
                select * from audit_record where cycle_id = :cycle and organisation_code = :org
                 order by team_code, pseudonym
                """).param("cycle", cycleId).param("org", organisationCode).query(this::record).list();
    }

    Optional<AuditRecord> find(long cycleId, String organisationCode, long id) {
        return jdbc.sql("select * from audit_record where id = :id and cycle_id = :cycle and organisation_code = :org")
                .param("id", id).param("cycle", cycleId).param("org", organisationCode).query(this::record).optional();
    }

    Map<String, Long> countsByOrganisation(long cycleId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select organisation_code, count(*) as n from audit_record where cycle_id = :cycle group by organisation_code")
                .param("cycle", cycleId).query(rs -> {
                    counts.put(rs.getString("organisation_code"), rs.getLong("n"));
                });
        return counts;
    }

    /** Inserts new rows, updates changed ones and writes one history entry for exactly those, in batches. */
    void write(long cycleId, String organisationCode, String definitionId, int definitionVersion, List<Row> rows,
            String changedBy, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        String write = UUID.randomUUID().toString();
        List<Row> inserts = rows.stream().filter(r -> r.id() == null).toList();
        List<Row> updates = rows.stream().filter(r -> r.id() != null).toList();
        batch.batchUpdate("""
                insert into audit_record (cycle_id, organisation_code, team_code, pseudonym, definition_id,
                       definition_version, record_values, created_at, updated_at, version, last_write)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                """, inserts, 500, (ps, row) -> {
                    ps.setLong(1, cycleId);
                    ps.setString(2, organisationCode);
                    ps.setString(3, row.team());
                    ps.setString(4, row.pseudonym());
                    ps.setString(5, definitionId);
                    ps.setInt(6, definitionVersion);
                    ps.setString(7, json(row.answers()));
                    ps.setObject(8, utc(now));
                    ps.setObject(9, utc(now));
                    ps.setString(10, write);
                });
        batch.batchUpdate("""
                update audit_record set record_values = ?, updated_at = ?, version = version + 1, last_write = ?
                 where id = ? and cycle_id = ? and organisation_code = ?
                """, updates, 500, (ps, row) -> {
                    ps.setString(1, json(row.answers()));
                    ps.setObject(2, utc(now));
                    ps.setString(3, write);
                    ps.setLong(4, row.id());
                    ps.setLong(5, cycleId);
                    ps.setString(6, organisationCode);
                });
        batch.update("""
                insert into audit_record_change (record_id, cycle_id, organisation_code, team_code, pseudonym, action,
                       changed_by, changed_at, record_values)
                select id, cycle_id, organisation_code, team_code, pseudonym,
                       case when version = 0 then 'CREATE' else 'UPDATE' end, ?, ?, record_values
                  from audit_record where cycle_id = ? and organisation_code = ? and last_write = ?
                """, changedBy, utc(now), cycleId, organisationCode, write);
    }

    void delete(AuditRecord record, String changedBy, Instant now) {
        jdbc.sql("""
                insert into audit_record_change (record_id, cycle_id, organisation_code, team_code, pseudonym, action,
                       changed_by, changed_at, record_values)
                values (:id, :cycle, :org, :team, :pseudonym, 'DELETE', :by, :now, :answers)
                """).param("id", record.id()).param("cycle", record.cycleId()).param("org", record.organisationCode())
                .param("team", record.teamCode()).param("pseudonym", record.pseudonym()).param("by", changedBy)
                .param("now", utc(now)).param("answers", json(record.answers())).update();
        jdbc.sql("delete from audit_record where id = :id").param("id", record.id()).update();
    }

    List<RecordChange> history(long cycleId, String organisationCode) {
        return jdbc.sql("""
                select * from audit_record_change where cycle_id = :cycle and organisation_code = :org
                 order by changed_at desc, id desc
                """).param("cycle", cycleId).param("org", organisationCode)
                .query((rs, n) -> new RecordChange(rs.getLong("record_id"), rs.getString("team_code"),
                        rs.getString("pseudonym"), rs.getString("action"), rs.getString("changed_by"),
                        instant(rs, "changed_at"))).list();
    }

    private AuditRecord record(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("organisation_code"),
                rs.getString("team_code"), rs.getString("pseudonym"), answers(rs.getString("record_values")),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static String json(Map<String, String> answers) {
        try {
            return JSON.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> answers(String json) {
        try {
            return JSON.readValue(json, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable record values: " + e.getMessage(), e);
        }
    }
}
