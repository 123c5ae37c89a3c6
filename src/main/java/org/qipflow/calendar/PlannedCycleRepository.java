package org.qipflow.calendar;

import static org.qipflow.common.SqlTime.utc;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.qipflow.programmes.CycleKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code planned_cycle}: the planner's drafts, and which cycle each became. */
@Repository
class PlannedCycleRepository {

    private final JdbcClient jdbc;

    PlannedCycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's drafts not yet scheduled, by start date. */
    List<PlannedCycle> drafts(int year) {
        return jdbc.sql("""
                select * from planned_cycle where planner_year = :year and cycle_id is null
                 order by data_collection_start, programme_code
                """).param("year", year).query((rs, n) -> new PlannedCycle(rs.getLong("id"), rs.getInt("planner_year"),
                        rs.getString("programme_code"), CycleKind.valueOf(rs.getString("kind")),
                        rs.getDate("data_collection_start").toLocalDate())).list();
    }

    void insert(int year, String programmeCode, CycleKind kind, LocalDate start, Instant now) {
        jdbc.sql("""
                insert into planned_cycle (planner_year, programme_code, kind, data_collection_start, created_at)
                values (:year, :programme, :kind, :start, :now)
                """).param("year", year).param("programme", programmeCode).param("kind", kind.name())
                .param("start", Date.valueOf(start)).param("now", utc(now)).update();
    }

    void deleteDraft(int year, long id) {
        jdbc.sql("delete from planned_cycle where id = :id and planner_year = :year and cycle_id is null")
                .param("id", id).param("year", year).update();
    }

    void deleteDrafts(int year) {
        jdbc.sql("delete from planned_cycle where planner_year = :year and cycle_id is null").param("year", year)
                .update();
    }

    void markScheduled(long id, long cycleId) {
        jdbc.sql("update planned_cycle set cycle_id = :cycle where id = :id").param("cycle", cycleId)
                .param("id", id).update();
    }
}
