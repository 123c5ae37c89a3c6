package org.qipflow.membership;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code organisation_contact}. */
@Repository
class OrganisationContactRepository {

    private final JdbcClient jdbc;

    OrganisationContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every appointment, current ones first, then newest first. */
    List<OrganisationContact> history(long organisationId) {
        return jdbc.sql("""
                select role, name, email, contact_from, contact_until from organisation_contact
                 where organisation_id = :id
                 order by case when contact_until is null then 0 else 1 end, contact_from desc, id desc
                """).param("id", organisationId)
                .query((rs, n) -> new OrganisationContact(ContactRole.valueOf(rs.getString("role")), rs.getString("name"),
                        rs.getString("email"), instant(rs, "contact_from"), instant(rs, "contact_until")))
                .list();
    }

    /** Ends the role's current appointment, if any. */
    void end(long organisationId, ContactRole role, Instant now) {
        jdbc.sql("""
                update organisation_contact set contact_until = :now
                 where organisation_id = :id and role = :role and contact_until is null
                """).param("now", utc(now)).param("id", organisationId).param("role", role.name()).update();
    }

    void insert(long organisationId, ContactRole role, String name, String email, Instant now) {
        jdbc.sql("""
                insert into organisation_contact (organisation_id, role, name, email, contact_from)
                values (:id, :role, :name, :email, :now)
                """).param("id", organisationId).param("role", role.name()).param("name", name).param("email", email)
                .param("now", utc(now)).update();
    }
}
