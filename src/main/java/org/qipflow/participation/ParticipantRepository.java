package org.qipflow.participation;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qipflow.common.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code cycle_participant} and {@code participant_team}. */
@Repository
class ParticipantRepository {

    private final JdbcClient jdbc;

    ParticipantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long cycleId, String organisationCode, Instant now) {
        jdbc.sql("""
                insert into cycle_participant (cycle_id, organisation_code, status, joined_at, version)
                values (:cycle, :org, 'INVITED', :now, 0)
                """).param("cycle", cycleId).param("org", organisationCode).param("now", utc(now)).update();
    }

    Optional<Participant> find(long cycleId, String organisationCode) {
        return jdbc.sql("select * from cycle_participant where cycle_id = :cycle and organisation_code = :org")
                .param("cycle", cycleId).param("org", organisationCode).query((rs, n) -> participant(rs, List.of()))
                .optional().map(this::withTeams);
    }

    /** Locks the participant row until the transaction ends. */
    Optional<Participant> findForUpdate(long cycleId, String organisationCode) {
        jdbc.sql("select id from cycle_participant where cycle_id = :cycle and organisation_code = :org for update")
                .param("cycle", cycleId).param("org", organisationCode).query(Long.class).optional();
        return find(cycleId, organisationCode);
    }

    /** The participant, the code as typed (any case, spaces around); not found names the code and the cycle. */
    Participant get(long cycleId, String organisationCode) {
        return find(cycleId, normalised(organisationCode)).orElseThrow(() -> notTakingPart(cycleId, organisationCode));
    }

    /** As {@link #get}, locked until the transaction ends. */
    Participant getForUpdate(long cycleId, String organisationCode) {
        return findForUpdate(cycleId, normalised(organisationCode))
                .orElseThrow(() -> notTakingPart(cycleId, organisationCode));
    }

    private static String normalised(String organisationCode) {
        return organisationCode.trim().toUpperCase(Locale.ROOT);
    }

    private static NotFoundException notTakingPart(long cycleId, String organisationCode) {
        return new NotFoundException(organisationCode + " does not take part in cycle " + cycleId);
    }

    List<Participant> ofCycle(long cycleId) {
        Map<Long, List<String>> teams = new HashMap<>();
        jdbc.sql("""
                select t.participant_id, t.code from participant_team t
                  join cycle_participant p on p.id = t.participant_id
                 where p.cycle_id = :cycle order by t.code
                """).param("cycle", cycleId).query(rs -> {
                    teams.computeIfAbsent(rs.getLong("participant_id"), id -> new ArrayList<>()).add(rs.getString("code"));
                });
        return jdbc.sql("select * from cycle_participant where cycle_id = :cycle order by organisation_code")
                .param("cycle", cycleId).query((rs, n) -> participant(rs, teams.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    Map<String, ParticipantStatus> statuses(long cycleId) {
        Map<String, ParticipantStatus> statuses = new LinkedHashMap<>();
        jdbc.sql("select organisation_code, status from cycle_participant where cycle_id = :cycle order by organisation_code")
                .param("cycle", cycleId).query(rs -> {
                    statuses.put(rs.getString("organisation_code"), ParticipantStatus.valueOf(rs.getString("status")));
                });
        return statuses;
    }

    /** Participants in these states, in cycles still open for submission, for the coordinator's dashboard. */
    List<Participant> inOpenCycles(Set<ParticipantStatus> statuses) {
        return jdbc.sql("""
                select p.* from cycle_participant p join audit_cycle c on c.id = p.cycle_id
                 where c.closed_at is null and p.status in (:statuses) order by p.cycle_id, p.organisation_code
                """).param("statuses", statuses.stream().map(Enum::name).toList())
                .query((rs, n) -> participant(rs, List.of())).list();
    }

    /** Every cycle an organisation takes part in, newest first. */
    List<Participant> ofOrganisation(String organisationCode) {
        return jdbc.sql("select * from cycle_participant where organisation_code = :org order by cycle_id desc")
                .param("org", organisationCode).query((rs, n) -> participant(rs, List.of())).list().stream()
                .map(this::withTeams).toList();
    }

    void setStatus(long id, ParticipantStatus status, String timestampColumn, Instant now) {
        String stamp = timestampColumn == null ? "" : ", " + timestampColumn + " = :now";
        jdbc.sql("update cycle_participant set status = :status" + stamp + ", version = version + 1 where id = :id")
                .param("status", status.name()).param("now", utc(now)).param("id", id).update();
    }

    void markMaterialsSent(long id, Instant now) {
        jdbc.sql("update cycle_participant set materials_sent_at = :now where id = :id and materials_sent_at is null")
                .param("now", utc(now)).param("id", id).update();
    }

    void setDeadlineExtension(long id, Instant deadline) {
        jdbc.sql("update cycle_participant set deadline_extension = :deadline, version = version + 1 where id = :id")
                .param("deadline", utc(deadline)).param("id", id).update();
    }

    void replaceTeams(long participantId, List<String> codes, Instant now) {
        jdbc.sql("delete from participant_team where participant_id = :id").param("id", participantId).update();
        for (String code : codes) {
            jdbc.sql("insert into participant_team (participant_id, code, created_at) values (:id, :code, :now)")
                    .param("id", participantId).param("code", code).param("now", utc(now)).update();
        }
    }

    private Participant withTeams(Participant p) {
        List<String> teams = jdbc.sql("select code from participant_team where participant_id = :id order by code")
                .param("id", p.id()).query(String.class).list();
        return new Participant(p.id(), p.cycleId(), p.organisationCode(), p.status(), p.joinedAt(),
                p.materialsSentAt(), p.confirmedAt(), p.deadlineExtension(), p.lateAt(), p.submittedAt(), teams,
                p.version());
    }

    private Participant participant(ResultSet rs, List<String> teams) throws SQLException {
        return new Participant(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("organisation_code"),
                ParticipantStatus.valueOf(rs.getString("status")), instant(rs, "joined_at"),
                instant(rs, "materials_sent_at"), instant(rs, "confirmed_at"), instant(rs, "deadline_extension"),
                instant(rs, "late_at"), instant(rs, "submitted_at"), teams, rs.getInt("version"));
    }
}
