package org.qipflow.dissemination;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code report_share}. */
@Repository
class ReportShareRepository {

    private final JdbcClient jdbc;

    ReportShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param email lower case: one share per address per report */
    long insert(long cycleId, String organisationCode, String team, String name, String email, boolean outsideDomain,
            String sharedBy, Instant now) {
        jdbc.sql("""
                insert into report_share (cycle_id, organisation_code, team, contact_name, contact_email,
                       outside_domain, shared_by, shared_at)
                values (:cycle, :org, :team, :name, :email, :outside, :by, :now)
                """).param("cycle", cycleId).param("org", organisationCode).param("team", team).param("name", name)
                .param("email", email).param("outside", outsideDomain).param("by", sharedBy).param("now", utc(now))
                .update();
        return find(cycleId, organisationCode, email).orElseThrow().id();
    }

    Optional<ReportShare> find(long cycleId, String organisationCode, String email) {
        return jdbc.sql("select * from report_share where cycle_id = :cycle and organisation_code = :org "
                + "and contact_email = :email").param("cycle", cycleId).param("org", organisationCode)
                .param("email", email).query(this::share).optional();
    }

    Optional<ReportShare> find(long id) {
        return jdbc.sql("select * from report_share where id = :id").param("id", id).query(this::share).optional();
    }

    /** The share, locked until the transaction ends. */
    Optional<ReportShare> findForUpdate(long id) {
        return jdbc.sql("select id from report_share where id = :id for update").param("id", id).query(Long.class)
                .optional().flatMap(this::find);
    }

    List<ReportShare> of(long cycleId, String organisationCode) {
        return jdbc.sql("select * from report_share where cycle_id = :cycle and organisation_code = :org "
                + "order by shared_at, id").param("cycle", cycleId).param("org", organisationCode)
                .query(this::share).list();
    }

    void acknowledged(long id, LocalDate discussedOn, String where, Instant now) {
        jdbc.sql("update report_share set acknowledged_at = :now, discussed_on = :on, discussed_where = :where "
                + "where id = :id").param("now", utc(now)).param("on", discussedOn).param("where", where)
                .param("id", id).update();
    }

    void reminded(long id, Instant now) {
        jdbc.sql("update report_share set reminded_at = :now where id = :id").param("now", utc(now)).param("id", id)
                .update();
    }

    void unacknowledged(long id, Instant now) {
        jdbc.sql("update report_share set unacknowledged_at = :now where id = :id").param("now", utc(now))
                .param("id", id).update();
    }

    /** For each organisation of the round: teams sent its report, and how many of them acknowledged it. */
    Map<String, ReportReach.Reach> reach(long cycleId) {
        return jdbc.sql("""
                select organisation_code, count(*) as teams, count(acknowledged_at) as acknowledged
                from report_share where cycle_id = :cycle group by organisation_code
                """).param("cycle", cycleId)
                .query((rs, n) -> Map.entry(rs.getString("organisation_code"),
                        new ReportReach.Reach(rs.getInt("teams"), rs.getInt("acknowledged"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private ReportShare share(ResultSet rs, int row) throws SQLException {
        return new ReportShare(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("organisation_code"),
                rs.getString("team"), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getBoolean("outside_domain"), rs.getString("shared_by"), instant(rs, "shared_at"),
                instant(rs, "reminded_at"), instant(rs, "acknowledged_at"),
                rs.getObject("discussed_on", LocalDate.class), rs.getString("discussed_where"),
                instant(rs, "unacknowledged_at"));
    }
}
