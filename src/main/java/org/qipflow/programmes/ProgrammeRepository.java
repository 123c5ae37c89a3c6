package org.qipflow.programmes;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qipflow.common.UkTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code programme} and {@code audit_cycle}. */
@Repository
class ProgrammeRepository {

    private static final Map<Milestone, String> COLUMNS = columns();
    private static final String SELECT_CYCLE = """
            select c.*, p.code as programme_code, p.title as programme_title
              from audit_cycle c join programme p on p.id = c.programme_id
            """;

    private final JdbcClient jdbc;

    ProgrammeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Programme> findAll() {
        return jdbc.sql("select * from programme order by code").query(this::programme).list();
    }

    Optional<Programme> findByCode(String code) {
        return jdbc.sql("select * from programme where code = :code").param("code", code)
                .query(this::programme).optional();
    }

    /** Locks the programme so that two cycles scheduled at once get different numbers. */
    Optional<Programme> findByCodeForUpdate(String code) {
        jdbc.sql("select id from programme where code = :code for update").param("code", code).query(Long.class)
                .optional();
        return findByCode(code);
    }

    /** Cycles whose reports are not yet published: those whose cycle process still runs. */
    List<Cycle> unpublishedCycles() {
        return jdbc.sql(SELECT_CYCLE + " where c.published_at is null order by c.id").query(this::cycle).list();
    }

    void insert(String code, String title, String auditDefinition, Instant now) {
        jdbc.sql("insert into programme (code, title, audit_definition, created_at) values (:code, :title, :def, :now)")
                .param("code", code).param("title", title).param("def", auditDefinition).param("now", utc(now))
                .update();
    }

    void attachDefinition(long programmeId, String auditDefinition) {
        jdbc.sql("update programme set audit_definition = :def where id = :id").param("def", auditDefinition)
                .param("id", programmeId).update();
    }

    void setInterventionMonths(long programmeId, int months) {
        jdbc.sql("update programme set intervention_months = :months where id = :id").param("months", months)
                .param("id", programmeId).update();
    }

    void closeProgramme(long programmeId, Instant now) {
        jdbc.sql("update programme set closed_at = :now where id = :id and closed_at is null")
                .param("now", utc(now)).param("id", programmeId).update();
    }

    long insertCycle(long programmeId, CycleKind kind, Milestones milestones, int definitionVersion, Instant now) {
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from audit_cycle where programme_id = :id")
                .param("id", programmeId).query(Integer.class).single();
        var statement = jdbc.sql("""
                insert into audit_cycle (programme_id, kind, number, materials_dispatch, data_collection_start,
                       data_collection_end, submission_opens, submission_closes, report_due, created_at, updated_at,
                       version, definition_version)
                values (:programmeId, :kind, :number, :materialsDispatch, :dataCollectionStart, :dataCollectionEnd,
                       :submissionOpens, :submissionCloses, :reportDue, :now, :now, 0, :definitionVersion)
                """).param("programmeId", programmeId).param("kind", kind.name()).param("number", number)
                .param("definitionVersion", definitionVersion)
                .param("now", utc(now));
        for (Milestone m : Milestone.values()) {
            statement = statement.param(m.key(), utc(milestones.get(m).toInstant()));
        }
        statement.update();
        return jdbc.sql("select id from audit_cycle where programme_id = :id and number = :number")
                .param("id", programmeId).param("number", number).query(Long.class).single();
    }

    List<Cycle> cyclesOf(long programmeId) {
        return jdbc.sql(SELECT_CYCLE + " where c.programme_id = :id order by c.number").param("id", programmeId)
                .query(this::cycle).list();
    }

    Optional<Cycle> findCycle(long id) {
        return jdbc.sql(SELECT_CYCLE + " where c.id = :id").param("id", id).query(this::cycle).optional();
    }

    Optional<Cycle> findCycleForUpdate(long id) {
        jdbc.sql("select id from audit_cycle where id = :id for update").param("id", id).query(Long.class).optional();
        return findCycle(id);
    }

    void updateMilestones(long id, Milestones milestones, Instant now) {
        var statement = jdbc.sql("""
                update audit_cycle set materials_dispatch = :materialsDispatch,
                       data_collection_start = :dataCollectionStart, data_collection_end = :dataCollectionEnd,
                       submission_opens = :submissionOpens, submission_closes = :submissionCloses,
                       report_due = :reportDue, updated_at = :now, version = version + 1
                 where id = :id
                """).param("id", id).param("now", utc(now));
        for (Milestone m : Milestone.values()) {
            statement = statement.param(m.key(), utc(milestones.get(m).toInstant()));
        }
        statement.update();
    }

    void markClosed(long id, Instant now) {
        jdbc.sql("update audit_cycle set closed_at = :now, updated_at = :now where id = :id and closed_at is null")
                .param("now", utc(now)).param("id", id).update();
    }

    /** Whether this call published it: false when it already was. */
    boolean markPublished(long id, Instant now) {
        return 1 == jdbc.sql("update audit_cycle set published_at = :now, updated_at = :now where id = :id and published_at is null")
                .param("now", utc(now)).param("id", id).update();
    }

    OutlierPolicy outlierPolicy(long programmeId) {
        List<String> indicators = jdbc.sql("""
                select standard_id from programme_outlier_indicator where programme_id = :id order by standard_id
                """).param("id", programmeId).query(String.class).list();
        boolean allow = jdbc.sql("select outliers_allow_overdispersion from programme where id = :id")
                .param("id", programmeId).query(Boolean.class).single();
        return new OutlierPolicy(indicators, allow);
    }

    void setOutlierPolicy(long programmeId, OutlierPolicy policy) {
        jdbc.sql("delete from programme_outlier_indicator where programme_id = :id").param("id", programmeId).update();
        for (String standard : policy.indicators()) {
            jdbc.sql("insert into programme_outlier_indicator (programme_id, standard_id) values (:id, :standard)")
                    .param("id", programmeId).param("standard", standard).update();
        }
        jdbc.sql("update programme set outliers_allow_overdispersion = :allow where id = :id")
                .param("allow", policy.allowForOverdispersion()).param("id", programmeId).update();
    }

    private Programme programme(ResultSet rs, int row) throws SQLException {
        return new Programme(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                rs.getString("audit_definition"), instant(rs, "created_at"), rs.getInt("intervention_months"),
                instant(rs, "closed_at"));
    }

    private Cycle cycle(ResultSet rs, int row) throws SQLException {
        Map<Milestone, ZonedDateTime> dates = new EnumMap<>(Milestone.class);
        for (Milestone m : Milestone.values()) {
            dates.put(m, instant(rs, COLUMNS.get(m)).atZone(UkTime.ZONE));
        }
        return new Cycle(rs.getLong("id"), rs.getString("programme_code"), rs.getString("programme_title"),
                CycleKind.valueOf(rs.getString("kind")), rs.getInt("number"), new Milestones(dates),
                instant(rs, "created_at"), instant(rs, "closed_at"), instant(rs, "published_at"), rs.getInt("version"),
                rs.getInt("definition_version"));
    }

    private static Map<Milestone, String> columns() {
        Map<Milestone, String> columns = new EnumMap<>(Milestone.class);
        columns.put(Milestone.MATERIALS_DISPATCH, "materials_dispatch");
        columns.put(Milestone.DATA_COLLECTION_START, "data_collection_start");
        columns.put(Milestone.DATA_COLLECTION_END, "data_collection_end");
        columns.put(Milestone.SUBMISSION_OPENS, "submission_opens");
        columns.put(Milestone.SUBMISSION_CLOSES, "submission_closes");
        columns.put(Milestone.REPORT_DUE, "report_due");
        return columns;
    }
}
