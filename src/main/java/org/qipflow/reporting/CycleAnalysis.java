package org.qipflow.reporting;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.RecordChecker;
import org.qipflow.definitions.StandardFigure;
import org.qipflow.definitions.Standards;
import org.qipflow.submissions.AuditRecord;
import org.qipflow.submissions.RecordService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analyses a cycle: each standard over the records of the organisations that submitted, nationally,
 * per organisation and per team, stored in one pass so that reports read figures rather than compute
 * them. Running it again replaces the figures; each organisation's anonymous code stays the same.
 */
@Service
public class CycleAnalysis {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RecordService records;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CycleAnalysis(RecordService records, JdbcClient jdbc, JdbcTemplate batch) {
        this.records = records;
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** @param submitted the organisations whose data count: those that submitted, on time or late */
    @Transactional
    public void analyse(long cycleId, Collection<String> submitted) {
        AuditDefinition definition = records.definitionOf(cycleId);
        Standards.Tally national = new Standards.Tally(definition);
        List<ResultFigure> figures = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        List<String> standards = national.figures().stream().map(StandardFigure::standardId).toList();
        List<Object[]> outcomes = new ArrayList<>();
        for (String organisation : submitted.stream().sorted().toList()) {
            Standards.Tally own = new Standards.Tally(definition);
            Map<String, Standards.Tally> byTeam = new TreeMap<>();
            Map<String, Integer> byOutcome = new TreeMap<>();
            List<AuditRecord> ofOrganisation = records.list(cycleId, organisation);
            for (AuditRecord record : ofOrganisation) {
                // each record's outcome is worked out once and counted for its team, organisation and nation
                Standards.Outcome outcome = Standards.outcome(definition,
                        RecordChecker.storedValues(definition, record.answers()));
                byTeam.computeIfAbsent(record.teamCode(), t -> new Standards.Tally(definition)).add(outcome);
                own.add(outcome);
                national.add(outcome);
                byOutcome.merge(SecondarySuppression.outcome(standards, figureOrder(outcome.applies(), definition),
                        figureOrder(outcome.meets(), definition)), 1, Integer::sum);
            }
            add(figures, Scope.ORGANISATION, organisation, null, own.figures());
            byTeam.forEach((team, tally) -> add(figures, Scope.TEAM, organisation, team, tally.figures()));
            coverage.add(new Coverage(organisation, ofOrganisation.size(), byTeam.size()));
            byOutcome.forEach((pattern, count) -> outcomes.add(new Object[] {organisation, pattern, count}));
        }
        add(figures, Scope.NATIONAL, null, null, national.figures());
        jdbc.sql("delete from cycle_result where cycle_id = :cycle").param("cycle", cycleId).update();
        jdbc.sql("delete from cycle_coverage where cycle_id = :cycle").param("cycle", cycleId).update();
        jdbc.sql("delete from cycle_outcome where cycle_id = :cycle").param("cycle", cycleId).update();
        batch.batchUpdate("insert into cycle_outcome (cycle_id, organisation_code, outcome, records) values (?, ?, ?, ?)",
                outcomes, 500, (ps, o) -> {
                    ps.setLong(1, cycleId);
                    ps.setString(2, (String) o[0]);
                    ps.setString(3, (String) o[1]);
                    ps.setInt(4, (Integer) o[2]);
                });
        batch.batchUpdate("insert into cycle_coverage (cycle_id, organisation_code, records, teams) values (?, ?, ?, ?)",
                coverage, 500, (ps, c) -> {
                    ps.setLong(1, cycleId);
                    ps.setString(2, c.organisationCode());
                    ps.setInt(3, c.records());
                    ps.setInt(4, c.teams());
                });
        batch.batchUpdate("""
                insert into cycle_result (cycle_id, scope, organisation_code, team_code, standard_id, numerator, denominator)
                values (?, ?, ?, ?, ?, ?, ?)
                """, figures, 500, (ps, f) -> {
                    ps.setLong(1, cycleId);
                    ps.setString(2, f.scope().name());
                    ps.setString(3, f.organisationCode());
                    ps.setString(4, f.teamCode());
                    ps.setString(5, f.standardId());
                    ps.setInt(6, f.numerator());
                    ps.setInt(7, f.denominator());
                });
        assignAliases(cycleId, submitted);
    }

    /** Every stored figure of the cycle, national first, then organisations and their teams. */
    @Transactional(readOnly = true)
    public List<ResultFigure> figures(long cycleId) {
        return jdbc.sql("""
                select * from cycle_result where cycle_id = :cycle
                 order by case scope when 'NATIONAL' then 0 when 'ORGANISATION' then 1 else 2 end,
                          organisation_code, team_code, id
                """).param("cycle", cycleId).query((rs, n) -> new ResultFigure(Scope.valueOf(rs.getString("scope")),
                        rs.getString("organisation_code"), rs.getString("team_code"), rs.getString("standard_id"),
                        rs.getInt("numerator"), rs.getInt("denominator"))).list();
    }

    /** What an organisation's figures rest on: its records and the teams they came from. */
    public record Coverage(String organisationCode, int records, int teams) {
    }

    /** Records and teams of each organisation analysed, by organisation code. */
    @Transactional(readOnly = true)
    public Map<String, Coverage> coverage(long cycleId) {
        Map<String, Coverage> coverage = new LinkedHashMap<>();
        jdbc.sql("select * from cycle_coverage where cycle_id = :cycle order by organisation_code")
                .param("cycle", cycleId).query(rs -> {
                    coverage.put(rs.getString("organisation_code"), new Coverage(rs.getString("organisation_code"),
                            rs.getInt("records"), rs.getInt("teams")));
                });
        return coverage;
    }

    /** Per organisation, how many of its records have each outcome (see {@link SecondarySuppression#outcome}). */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Integer>> outcomes(long cycleId) {
        Map<String, Map<String, Integer>> outcomes = new LinkedHashMap<>();
        jdbc.sql("select * from cycle_outcome where cycle_id = :cycle").param("cycle", cycleId).query(rs -> {
            outcomes.computeIfAbsent(rs.getString("organisation_code"), o -> new LinkedHashMap<>())
                    .put(rs.getString("outcome"), rs.getInt("records"));
        });
        return outcomes;
    }

    /** The outcome's flags in the order of the figures: the standards, then the all-or-none one if the audit has it. */
    private static boolean[] figureOrder(boolean[] flags, AuditDefinition definition) {
        return definition.allOrNone() != null ? flags : java.util.Arrays.copyOf(flags, flags.length - 1);
    }

    /** Each organisation's anonymous code in this cycle, e.g. "Organisation 07". */
    @Transactional(readOnly = true)
    public Map<String, String> aliases(long cycleId) {
        Map<String, String> aliases = new LinkedHashMap<>();
        jdbc.sql("select organisation_code, alias from cycle_alias where cycle_id = :cycle order by alias")
                .param("cycle", cycleId).query(rs -> {
                    aliases.put(rs.getString("organisation_code"), rs.getString("alias"));
                });
        return aliases;
    }

    /**
     * Codes are numbered in a random order, so nobody can work out who is who from names, codes or
     * the order of joining; they are stored, so an organisation keeps its code when the analysis runs again.
     */
    private void assignAliases(long cycleId, Collection<String> organisations) {
        Map<String, String> existing = aliases(cycleId);
        List<String> missing = new ArrayList<>(organisations.stream().filter(o -> !existing.containsKey(o)).toList());
        Collections.shuffle(missing, RANDOM);
        int next = existing.size() + 1;
        for (String organisation : missing) {
            jdbc.sql("insert into cycle_alias (cycle_id, organisation_code, alias) values (:cycle, :org, :alias)")
                    .param("cycle", cycleId).param("org", organisation)
                    .param("alias", String.format("Organisation %02d", next++)).update();
        }
    }

    private static void add(List<ResultFigure> figures, Scope scope, String organisation, String team,
            List<StandardFigure> standards) {
        for (StandardFigure s : standards) {
            figures.add(new ResultFigure(scope, organisation, team, s.standardId(), s.numerator(), s.denominator()));
        }
    }
}
