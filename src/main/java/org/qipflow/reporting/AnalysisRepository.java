package org.qipflow.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qipflow.reporting.CycleAnalysis.Coverage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over a cycle's stored analysis: {@code cycle_result}, {@code cycle_coverage},
 * {@code cycle_outcome} and the anonymous codes in {@code cycle_alias}.
 */
@Repository
class AnalysisRepository {

    private static final int BATCH = 500;

    /** How many of an organisation's records have one outcome. */
    record OutcomeCount(String organisationCode, String outcome, int records) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AnalysisRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Replaces the cycle's figures, coverage and outcomes with these, in batches. */
    void replace(long cycleId, List<ResultFigure> figures, List<Coverage> coverage, List<OutcomeCount> outcomes) {
        for (String table : List.of("cycle_result", "cycle_coverage", "cycle_outcome")) {
            jdbc.sql("delete from " + table + " where cycle_id = :cycle").param("cycle", cycleId).update();
        }
        batch.batchUpdate("insert into cycle_outcome (cycle_id, organisation_code, outcome, records) values (?, ?, ?, ?)",
                outcomes, BATCH, (ps, o) -> {
                    ps.setLong(1, cycleId);
                    ps.setString(2, o.organisationCode());
                    ps.setString(3, o.outcome());
                    ps.setInt(4, o.records());
                });
        batch.batchUpdate("insert into cycle_coverage (cycle_id, organisation_code, records, teams) values (?, ?, ?, ?)",
                coverage, BATCH, (ps, c) -> {
                    ps.setLong(1, cycleId);
                    ps.setString(2, c.organisationCode());
                    ps.setInt(3, c.records());
                    ps.setInt(4, c.teams());
                });
        batch.batchUpdate("""
                insert into cycle_result (cycle_id, scope, organisation_code, team_code, standard_id, numerator, denominator)
                values (?, ?, ?, ?, ?, ?, ?)
                """, figures, BATCH, (ps, f) -> {
                    ps.setLong(1, cycleId);
                    ps.setString(2, f.scope().name());
                    ps.setString(3, f.organisationCode());
                    ps.setString(4, f.teamCode());
                    ps.setString(5, f.standardId());
                    ps.setInt(6, f.numerator());
                    ps.setInt(7, f.denominator());
                });
    }

    List<ResultFigure> figures(long cycleId) {
        return jdbc.sql("""
                select * from cycle_result where cycle_id = :cycle
                 order by case scope when 'NATIONAL' then 0 when 'ORGANISATION' then 1 else 2 end,
                          organisation_code, team_code, id
                """).param("cycle", cycleId).query((rs, n) -> new ResultFigure(Scope.valueOf(rs.getString("scope")),
                        rs.getString("organisation_code"), rs.getString("team_code"), rs.getString("standard_id"),
                        rs.getInt("numerator"), rs.getInt("denominator"))).list();
    }

    void replaceOutliers(long cycleId, List<OutlierFlags.StandardOutliers> outliers) {
        for (String table : List.of("cycle_outlier", "cycle_outlier_standard")) {
            jdbc.sql("delete from " + table + " where cycle_id = :cycle").param("cycle", cycleId).update();
        }
        for (OutlierFlags.StandardOutliers standard : outliers) {
            jdbc.sql("""
                    insert into cycle_outlier_standard (cycle_id, standard_id, national_numerator, national_denominator,
                                                        organisations, phi, overdispersed)
                    values (:cycle, :standard, :numerator, :denominator, :organisations, :phi, :overdispersed)
                    """).param("cycle", cycleId).param("standard", standard.standardId())
                    .param("numerator", standard.nationalNumerator()).param("denominator", standard.nationalDenominator())
                    .param("organisations", standard.organisations()).param("phi", standard.phi())
                    .param("overdispersed", standard.overdispersed()).update();
            batch.batchUpdate("""
                    insert into cycle_outlier (cycle_id, standard_id, organisation_code, numerator, denominator, z, level, direction)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """, standard.flags(), BATCH, (ps, f) -> {
                        ps.setLong(1, cycleId);
                        ps.setString(2, standard.standardId());
                        ps.setString(3, f.organisationCode());
                        ps.setInt(4, f.numerator());
                        ps.setInt(5, f.denominator());
                        ps.setDouble(6, f.z());
                        ps.setString(7, f.level().name());
                        ps.setString(8, f.direction().name());
                    });
        }
    }

    /** The outlier indicators of the cycle by standard id, each with its flags, furthest out first. */
    List<OutlierFlags.StandardOutliers> outliers(long cycleId) {
        Map<String, List<OutlierFlags.Flag>> flags = new LinkedHashMap<>();
        jdbc.sql("select * from cycle_outlier where cycle_id = :cycle order by standard_id, abs(z) desc, organisation_code")
                .param("cycle", cycleId).query(rs -> {
                    flags.computeIfAbsent(rs.getString("standard_id"), s -> new ArrayList<>()).add(new OutlierFlags.Flag(
                            rs.getString("organisation_code"), rs.getInt("numerator"), rs.getInt("denominator"),
                            rs.getDouble("z"), OutlierFlags.Level.valueOf(rs.getString("level")),
                            OutlierFlags.Direction.valueOf(rs.getString("direction"))));
                });
        return jdbc.sql("select * from cycle_outlier_standard where cycle_id = :cycle order by standard_id")
                .param("cycle", cycleId).query((rs, n) -> {
                    double value = rs.getDouble("phi");
                    Double phi = rs.wasNull() ? null : value; // asked at once: wasNull is about the last column read
                    return new OutlierFlags.StandardOutliers(rs.getString("standard_id"), rs.getInt("national_numerator"),
                            rs.getInt("national_denominator"), rs.getInt("organisations"), phi,
                            rs.getBoolean("overdispersed"), List.copyOf(flags.getOrDefault(rs.getString("standard_id"),
                                    List.of())));
                }).list();
    }

    /** The national figure of every standard of each cycle, by cycle id. */
    Map<Long, List<ResultFigure>> nationalFigures(List<Long> cycleIds) {
        Map<Long, List<ResultFigure>> figures = new LinkedHashMap<>();
        cycleIds.forEach(id -> figures.put(id, new ArrayList<>()));
        if (cycleIds.isEmpty()) {
            return figures;
        }
        // one query per round: with "cycle_id in (…)" H2 looks up the cycle alone in the index and then
        // reads every team's and organisation's figure of those rounds to find the national ones
        for (long cycleId : cycleIds) {
            jdbc.sql("select * from cycle_result where cycle_id = :cycle and scope = 'NATIONAL' order by id")
                    .param("cycle", cycleId).query(rs -> {
                        figures.get(cycleId).add(new ResultFigure(Scope.NATIONAL, rs.getString("organisation_code"),
                                rs.getString("team_code"), rs.getString("standard_id"), rs.getInt("numerator"),
                                rs.getInt("denominator")));
                    });
        }
        return figures;
    }

    Map<String, Coverage> coverage(long cycleId) {
        Map<String, Coverage> coverage = new LinkedHashMap<>();
        jdbc.sql("select * from cycle_coverage where cycle_id = :cycle order by organisation_code")
                .param("cycle", cycleId).query(rs -> {
                    coverage.put(rs.getString("organisation_code"), new Coverage(rs.getString("organisation_code"),
                            rs.getInt("records"), rs.getInt("teams")));
                });
        return coverage;
    }

    Map<String, Map<String, Integer>> outcomes(long cycleId) {
        Map<String, Map<String, Integer>> outcomes = new LinkedHashMap<>();
        jdbc.sql("select * from cycle_outcome where cycle_id = :cycle").param("cycle", cycleId).query(rs -> {
            outcomes.computeIfAbsent(rs.getString("organisation_code"), o -> new LinkedHashMap<>())
                    .put(rs.getString("outcome"), rs.getInt("records"));
        });
        return outcomes;
    }

    Map<String, String> aliases(long cycleId) {
        Map<String, String> aliases = new LinkedHashMap<>();
        jdbc.sql("select organisation_code, alias from cycle_alias where cycle_id = :cycle order by alias")
                .param("cycle", cycleId).query(rs -> {
                    aliases.put(rs.getString("organisation_code"), rs.getString("alias"));
                });
        return aliases;
    }

    void insertAlias(long cycleId, String organisationCode, String alias) {
        jdbc.sql("insert into cycle_alias (cycle_id, organisation_code, alias) values (:cycle, :org, :alias)")
                .param("cycle", cycleId).param("org", organisationCode).param("alias", alias).update();
    }
}
