package org.qipflow.membership;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the {@code organisation} and {@code local_lead} tables; portable between H2 and PostgreSQL. */
@Repository
class OrganisationRepository {

    private static final String SELECT = """
            select o.id, o.code, o.name, o.nation, o.type, o.active, o.membership_ends, o.created_at,
                   o.updated_at, o.deactivated_at, o.version,
                   l.name as lead_name, l.email as lead_email, l.job_title as lead_job_title,
                   l.nominated_from, l.nominated_until
              from organisation o
              left join local_lead l on l.organisation_id = o.id and l.nominated_until is null
            """;

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Organisation> findAll(Boolean active) {
        if (active == null) {
            return jdbc.sql(SELECT + " order by o.name").query(this::organisation).list();
        }
        return jdbc.sql(SELECT + " where o.active = :active order by o.name")
                .param("active", active).query(this::organisation).list();
    }

    /** Active organisations whose current lead has this address, compared without case. */
    List<Organisation> findActiveLedBy(String email) {
        return jdbc.sql(SELECT + " where o.active = true and lower(l.email) = :email order by o.name")
                .param("email", email.strip().toLowerCase(Locale.ROOT)).query(this::organisation).list();
    }

    Optional<Organisation> findByCode(String code) {
        return jdbc.sql(SELECT + " where o.code = :code").param("code", code).query(this::organisation).optional();
    }

    /** Locks the row until the transaction ends, so concurrent edits of one organisation queue up. */
    Optional<Organisation> findByCodeForUpdate(String code) {
        jdbc.sql("select id from organisation where code = :code for update").param("code", code)
                .query(Long.class).optional();
        return findByCode(code);
    }

    long insert(OrganisationDetails details, LocalDate membershipEnds, Instant now) {
        jdbc.sql("""
                insert into organisation (code, name, nation, type, active, membership_ends, created_at, updated_at, version)
                values (:code, :name, :nation, :type, true, :ends, :now, :now, 0)
                """)
                .param("code", details.code()).param("name", details.name())
                .param("nation", details.nation().name()).param("type", details.type().name())
                .param("ends", membershipEnds).param("now", utc(now))
                .update();
        long id = idOf(details.code());
        insertLead(id, details.lead(), now);
        return id;
    }

    private long idOf(String code) {
        return jdbc.sql("select id from organisation where code = :code").param("code", code)
                .query(Long.class).single();
    }

    void update(long id, OrganisationDetails details, LocalDate membershipEnds, Instant now) {
        jdbc.sql("""
                update organisation set name = :name, nation = :nation, type = :type, membership_ends = :ends,
                       updated_at = :now, version = version + 1
                 where id = :id
                """)
                .param("name", details.name()).param("nation", details.nation().name())
                .param("type", details.type().name()).param("ends", membershipEnds)
                .param("now", utc(now)).param("id", id).update();
    }

    void setMembershipEnds(long id, LocalDate membershipEnds, Instant now) {
        jdbc.sql("update organisation set membership_ends = :ends, updated_at = :now, version = version + 1 where id = :id")
                .param("ends", membershipEnds).param("now", utc(now)).param("id", id).update();
    }

    /** Marks the organisation as changed, for a change stored in another table such as a new lead. */
    void touch(long id, Instant now) {
        jdbc.sql("update organisation set updated_at = :now, version = version + 1 where id = :id")
                .param("now", utc(now)).param("id", id).update();
    }

    void setActive(long id, boolean active, Instant now) {
        jdbc.sql("""
                update organisation set active = :active, deactivated_at = :deactivatedAt, updated_at = :now,
                       version = version + 1
                 where id = :id
                """)
                .param("active", active).param("deactivatedAt", active ? null : utc(now))
                .param("now", utc(now)).param("id", id).update();
    }

    /** Ends the current nomination and records the new one: nothing about earlier leads is lost. */
    void replaceLead(long organisationId, LeadDetails lead, Instant now) {
        jdbc.sql("update local_lead set nominated_until = :now where organisation_id = :id and nominated_until is null")
                .param("now", utc(now)).param("id", organisationId).update();
        insertLead(organisationId, lead, now);
    }

    private void insertLead(long organisationId, LeadDetails lead, Instant now) {
        jdbc.sql("""
                insert into local_lead (organisation_id, name, email, job_title, nominated_from)
                values (:id, :name, :email, :jobTitle, :now)
                """)
                .param("id", organisationId).param("name", lead.name()).param("email", lead.email())
                .param("jobTitle", lead.jobTitle()).param("now", utc(now)).update();
    }

    List<LocalLead> leadHistory(long organisationId) {
        return jdbc.sql("""
                select name, email, job_title, nominated_from, nominated_until from local_lead
                 where organisation_id = :id order by nominated_from desc, id desc
                """)
                .param("id", organisationId)
                .query((rs, n) -> new LocalLead(rs.getString("name"), rs.getString("email"),
                        rs.getString("job_title"), instant(rs, "nominated_from"), instant(rs, "nominated_until")))
                .list();
    }

    long count(boolean active) {
        return jdbc.sql("select count(*) from organisation where active = :active").param("active", active)
                .query(Long.class).single();
    }

    private Organisation organisation(ResultSet rs, int row) throws SQLException {
        LocalLead lead = rs.getString("lead_name") == null ? null : new LocalLead(rs.getString("lead_name"),
                rs.getString("lead_email"), rs.getString("lead_job_title"), instant(rs, "nominated_from"),
                instant(rs, "nominated_until"));
        return new Organisation(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                Nation.valueOf(rs.getString("nation")), OrganisationType.valueOf(rs.getString("type")),
                rs.getBoolean("active"), rs.getObject("membership_ends", LocalDate.class), lead,
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "deactivated_at"),
                rs.getInt("version"));
    }
}
