package org.qipflow.workingdays;

import static org.qipflow.common.SqlTime.utc;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.qipflow.membership.Nation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code closure_day}; a day for every nation is stored with the nation {@code ALL}. */
@Repository
class ClosureDayRepository {

    static final String ALL = "ALL";

    private final JdbcClient jdbc;

    ClosureDayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ClosureDay> findAll() {
        return jdbc.sql("select * from closure_day order by closed_on, nation").query((rs, n) -> new ClosureDay(
                rs.getLong("id"), rs.getDate("closed_on").toLocalDate(),
                ALL.equals(rs.getString("nation")) ? null : Nation.valueOf(rs.getString("nation")),
                rs.getString("name"))).list();
    }

    boolean exists(LocalDate day, String nation) {
        return jdbc.sql("select count(*) from closure_day where closed_on = :day and nation = :nation")
                .param("day", Date.valueOf(day)).param("nation", nation).query(Long.class).single() > 0;
    }

    void insert(LocalDate day, String nation, String name, String by, Instant now) {
        jdbc.sql("""
                insert into closure_day (closed_on, nation, name, created_by, created_at)
                values (:day, :nation, :name, :by, :now)
                """).param("day", Date.valueOf(day)).param("nation", nation).param("name", name)
                .param("by", by).param("now", utc(now)).update();
    }

    /** @return whether there was such a day */
    boolean delete(long id) {
        return jdbc.sql("delete from closure_day where id = :id").param("id", id).update() > 0;
    }
}
