package org.qipflow.interventions;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code change_intervention} and the standards each addresses. */
@Repository
class InterventionRepository {

    private static final String SELECT = """
            select i.id, p.code as programme_code, i.title, i.kind, i.description, i.link_url, i.file_name,
                   i.file_type, i.round_number, i.created_at, i.withdrawn_at
              from change_intervention i join programme p on p.id = i.programme_id
            """;

    private final JdbcClient jdbc;

    InterventionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The programme's interventions, newest first; withdrawn ones only when asked for. */
    List<ChangeIntervention> ofProgramme(long programmeId, boolean withWithdrawn) {
        Map<Long, List<String>> standards = new HashMap<>();
        jdbc.sql("""
                select s.intervention_id, s.standard_id from change_intervention_standard s
                  join change_intervention i on i.id = s.intervention_id where i.programme_id = :programme
                 order by s.standard_id
                """).param("programme", programmeId).query(rs -> {
                    standards.computeIfAbsent(rs.getLong("intervention_id"), id -> new ArrayList<>())
                            .add(rs.getString("standard_id"));
                });
        return jdbc.sql(SELECT + " where i.programme_id = :programme"
                        + (withWithdrawn ? "" : " and i.withdrawn_at is null") + " order by i.created_at desc, i.id desc")
                .param("programme", programmeId)
                .query((rs, n) -> intervention(rs, standards.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    Optional<ChangeIntervention> find(long id) {
        List<String> standards = jdbc.sql("select standard_id from change_intervention_standard where intervention_id = :id "
                + "order by standard_id").param("id", id).query(String.class).list();
        return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query((rs, n) -> intervention(rs, standards))
                .optional();
    }

    Optional<byte[]> fileBytes(long id) {
        return jdbc.sql("select file_bytes from change_intervention where id = :id and file_bytes is not null")
                .param("id", id).query((rs, n) -> rs.getBytes("file_bytes")).optional();
    }

    long insert(long programmeId, InterventionInput input, InterventionFile file, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into change_intervention (programme_id, title, kind, description, link_url, file_name, file_type,
                                                 file_bytes, round_number, created_at)
                values (:programme, :title, :kind, :description, :link, :fileName, :fileType, :bytes, :round, :now)
                """).param("programme", programmeId).param("title", input.title()).param("kind", input.kind().name())
                .param("description", input.description()).param("link", input.link())
                .param("fileName", file == null ? null : file.name())
                .param("fileType", file == null ? null : file.contentType())
                .param("bytes", file == null ? null : file.bytes()).param("round", input.roundNumber())
                .param("now", utc(now)).update(key, "id");
        long id = key.getKey().longValue();
        insertStandards(id, input.standards());
        return id;
    }

    private void insertStandards(long id, List<String> standards) {
        for (String standard : standards) {
            jdbc.sql("insert into change_intervention_standard (intervention_id, standard_id) values (:id, :standard)")
                    .param("id", id).param("standard", standard).update();
        }
    }

    /** Replaces the fields and standards; the material becomes the link, the new file, or stays the file. */
    void update(long id, InterventionInput input, InterventionFile file, boolean keepFile) {
        String material = keepFile ? "" : ", link_url = :link, file_name = :fileName, file_type = :fileType, "
                + "file_bytes = :bytes";
        var update = jdbc.sql("update change_intervention set title = :title, kind = :kind, description = :description, "
                + "round_number = :round" + material + " where id = :id").param("id", id).param("title", input.title())
                .param("kind", input.kind().name()).param("description", input.description())
                .param("round", input.roundNumber());
        if (!keepFile) {
            update = update.param("link", input.link()).param("fileName", file == null ? null : file.name())
                    .param("fileType", file == null ? null : file.contentType())
                    .param("bytes", file == null ? null : file.bytes());
        }
        update.update();
        jdbc.sql("delete from change_intervention_standard where intervention_id = :id").param("id", id).update();
        insertStandards(id, input.standards());
    }

    void withdraw(long id, Instant now) {
        jdbc.sql("update change_intervention set withdrawn_at = :now where id = :id and withdrawn_at is null")
                .param("now", utc(now)).param("id", id).update();
    }

    private static ChangeIntervention intervention(ResultSet rs, List<String> standards) throws SQLException {
        int round = rs.getInt("round_number");
        Integer roundNumber = rs.wasNull() ? null : round;
        return new ChangeIntervention(rs.getLong("id"), rs.getString("programme_code"), rs.getString("title"),
                InterventionKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getString("link_url"),
                rs.getString("file_name"), rs.getString("file_type"), roundNumber, standards, instant(rs, "created_at"),
                instant(rs, "withdrawn_at"));
    }
}
