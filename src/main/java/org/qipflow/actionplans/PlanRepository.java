package org.qipflow.actionplans;

import static org.qipflow.common.SqlTime.instant;
import static org.qipflow.common.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.qipflow.dissemination.ReportReach;
import org.qipflow.interventions.InterventionKind;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code action_plan}, its interventions, its actions and their history. */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the plan's id; the existing one when the organisation has a plan for the round already */
    long insertIfAbsent(long cycleId, String organisationCode, Instant now) {
        Optional<Long> existing = id(cycleId, organisationCode);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                insert into action_plan (cycle_id, organisation_code, status, created_at)
                values (:cycle, :org, 'WRITING', :now)
                """).param("cycle", cycleId).param("org", organisationCode).param("now", utc(now)).update();
        return id(cycleId, organisationCode).orElseThrow();
    }

    Optional<Long> id(long cycleId, String organisationCode) {
        return jdbc.sql("select id from action_plan where cycle_id = :cycle and organisation_code = :org")
                .param("cycle", cycleId).param("org", organisationCode).query(Long.class).optional();
    }

    Optional<Plan> find(long id) {
        return jdbc.sql("select * from action_plan where id = :id").param("id", id).query(this::plan).optional();
    }

    /** The plan, locked until the transaction ends: its changes happen one after the other. */
    Optional<Plan> findForUpdate(long id) {
        return jdbc.sql("select id from action_plan where id = :id for update").param("id", id).query(Long.class)
                .optional().flatMap(this::find);
    }

    List<Plan> ofCycle(long cycleId) {
        return jdbc.sql("select * from action_plan where cycle_id = :cycle order by organisation_code")
                .param("cycle", cycleId).query(this::plan).list();
    }

    void status(long id, Plan.Status status, Instant now) {
        String column = status == Plan.Status.IN_PROGRESS ? "submitted_at" : "completed_at";
        jdbc.sql("update action_plan set status = :status, " + column + " = :now where id = :id")
                .param("status", status.name()).param("now", utc(now)).param("id", id).update();
    }

    void chooseInterventions(long planId, Collection<Long> interventionIds) {
        jdbc.sql("delete from action_plan_intervention where plan_id = :id").param("id", planId).update();
        for (long intervention : interventionIds) {
            jdbc.sql("insert into action_plan_intervention (plan_id, intervention_id) values (:plan, :intervention)")
                    .param("plan", planId).param("intervention", intervention).update();
        }
    }

    long insertAction(long planId, String standardId, String description, String ownerName, String ownerEmail,
            LocalDate dueOn, String measure, Instant now) {
        jdbc.sql("""
                insert into plan_action (plan_id, standard_id, description, owner_name, owner_email, due_on, measure,
                       status, created_at)
                values (:plan, :standard, :description, :name, :email, :due, :measure, 'OPEN', :now)
                """).param("plan", planId).param("standard", standardId).param("description", description)
                .param("name", ownerName).param("email", ownerEmail).param("due", dueOn).param("measure", measure)
                .param("now", utc(now)).update();
        return jdbc.sql("select max(id) from plan_action where plan_id = :plan").param("plan", planId)
                .query(Long.class).single();
    }

    void deleteAction(long actionId) {
        jdbc.sql("delete from plan_action_event where action_id = :id").param("id", actionId).update();
        jdbc.sql("delete from plan_action where id = :id").param("id", actionId).update();
    }

    Optional<PlanAction> action(long actionId) {
        return jdbc.sql("select * from plan_action where id = :id").param("id", actionId).query(this::actionRow)
                .optional();
    }

    void owner(long actionId, String name, String email) {
        jdbc.sql("update plan_action set owner_name = :name, owner_email = :email where id = :id").param("name", name)
                .param("email", email).param("id", actionId).update();
    }

    void change(long actionId, String description, LocalDate dueOn, String measure) {
        jdbc.sql("update plan_action set description = :description, due_on = :due, measure = :measure where id = :id")
                .param("description", description).param("due", dueOn).param("measure", measure).param("id", actionId)
                .update();
    }

    void actionStatus(long actionId, PlanAction.Status status, String note, Instant closedAt) {
        jdbc.sql("update plan_action set status = :status, status_note = :note, closed_at = :closed where id = :id")
                .param("status", status.name()).param("note", note).param("closed", closedAt == null ? null
                        : utc(closedAt)).param("id", actionId).update();
    }

    void addEvent(long actionId, PlanAction.Event event, String actor, String detail, Instant now) {
        jdbc.sql("""
                insert into plan_action_event (action_id, kind, actor, detail, taken_at)
                values (:id, :kind, :actor, :detail, :now)
                """).param("id", actionId).param("kind", event.name()).param("actor", actor).param("detail", detail)
                .param("now", utc(now)).update();
    }

    List<PlanAction.HistoryEntry> history(long actionId) {
        return jdbc.sql("select * from plan_action_event where action_id = :id order by taken_at, id")
                .param("id", actionId).query((rs, n) -> new PlanAction.HistoryEntry(
                        PlanAction.Event.valueOf(rs.getString("kind")), rs.getString("actor"), rs.getString("detail"),
                        instant(rs, "taken_at"))).list();
    }

    /** Each plan of the round with its counts of actions (see {@link ActionPlanUptake.OrganisationPlan}). */
    List<ActionPlanUptake.OrganisationPlan> uptakeByOrganisation(long cycleId, LocalDate today,
            Map<String, String> names, Map<String, ReportReach.Reach> reach) {
        return jdbc.sql("""
                select p.organisation_code, p.status,
                       (select count(*) from action_plan_intervention i where i.plan_id = p.id) as interventions,
                       count(a.id) as actions,
                       coalesce(sum(case when a.status = 'DONE' then 1 else 0 end), 0) as done,
                       coalesce(sum(case when a.status = 'OPEN' and a.due_on >= :today then 1 else 0 end), 0) as open,
                       coalesce(sum(case when a.status = 'OPEN' and a.due_on < :today then 1 else 0 end), 0) as overdue,
                       coalesce(sum(case when a.status = 'BLOCKED' then 1 else 0 end), 0) as blocked,
                       coalesce(sum(case when a.status = 'DROPPED' then 1 else 0 end), 0) as dropped
                from action_plan p left join plan_action a on a.plan_id = p.id
                where p.cycle_id = :cycle
                group by p.id, p.organisation_code, p.status
                order by p.organisation_code
                """).param("cycle", cycleId).param("today", today)
                .query((rs, n) -> new ActionPlanUptake.OrganisationPlan(rs.getString("organisation_code"),
                        names.getOrDefault(rs.getString("organisation_code"), rs.getString("organisation_code")),
                        Plan.Status.valueOf(rs.getString("status")), rs.getInt("interventions"),
                        rs.getInt("actions"), rs.getInt("done"), rs.getInt("open"), rs.getInt("overdue"),
                        rs.getInt("blocked"), rs.getInt("dropped"),
                        reach.getOrDefault(rs.getString("organisation_code"), ReportReach.Reach.NONE)))
                .list();
    }

    /** The programme's interventions, with how many of the round's submitted plans chose each. */
    List<ActionPlanUptake.InterventionUptake> uptakeByIntervention(long cycleId) {
        return jdbc.sql("""
                select ci.id, ci.title, ci.kind, ci.withdrawn_at, count(p.id) as chosen
                from change_intervention ci
                left join action_plan_intervention pi on pi.intervention_id = ci.id
                left join action_plan p on p.id = pi.plan_id and p.cycle_id = :cycle and p.status <> 'WRITING'
                where ci.programme_id = (select programme_id from audit_cycle where id = :cycle)
                group by ci.id, ci.title, ci.kind, ci.withdrawn_at
                having ci.withdrawn_at is null or count(p.id) > 0
                order by count(p.id) desc, ci.title, ci.id
                """).param("cycle", cycleId)
                .query((rs, n) -> new ActionPlanUptake.InterventionUptake(rs.getLong("id"), rs.getString("title"),
                        InterventionKind.valueOf(rs.getString("kind")).label(),
                        rs.getObject("withdrawn_at") != null, rs.getInt("chosen")))
                .list();
    }

    /** The titles of the interventions each submitted plan of the round chose, by organisation, in two queries. */
    Map<String, List<String>> submittedInterventions(long cycleId) {
        Map<String, List<String>> titles = new TreeMap<>();
        jdbc.sql("""
                select p.organisation_code, ci.title from action_plan p
                join action_plan_intervention pi on pi.plan_id = p.id
                join change_intervention ci on ci.id = pi.intervention_id
                where p.cycle_id = :cycle and p.status <> 'WRITING' order by p.organisation_code, ci.title
                """).param("cycle", cycleId).query((RowCallbackHandler) rs -> titles.computeIfAbsent(
                        rs.getString("organisation_code"), c -> new ArrayList<>()).add(rs.getString("title")));
        return titles;
    }

    /** Each submitted plan's actions, dropped ones left out, by organisation (an empty list for none). */
    Map<String, List<PlanAction>> submittedActions(long cycleId) {
        Map<String, List<PlanAction>> actions = new TreeMap<>();
        jdbc.sql("select organisation_code from action_plan where cycle_id = :cycle and status <> 'WRITING'")
                .param("cycle", cycleId).query(String.class).list()
                .forEach(code -> actions.put(code, new ArrayList<>()));
        jdbc.sql("""
                select p.organisation_code, a.* from action_plan p join plan_action a on a.plan_id = p.id
                where p.cycle_id = :cycle and p.status <> 'WRITING' and a.status <> 'DROPPED'
                order by p.organisation_code, a.standard_id, a.id
                """).param("cycle", cycleId).query((RowCallbackHandler) rs -> actions.get(rs.getString(
                        "organisation_code")).add(actionRow(rs, 0)));
        return actions;
    }

    private Plan plan(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Long> interventions = jdbc.sql("select intervention_id from action_plan_intervention where plan_id = :id "
                + "order by intervention_id").param("id", id).query(Long.class).list();
        List<PlanAction> actions = jdbc.sql("select * from plan_action where plan_id = :id order by standard_id, id")
                .param("id", id).query(this::actionRow).list();
        return new Plan(id, rs.getLong("cycle_id"), rs.getString("organisation_code"),
                Plan.Status.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "submitted_at"),
                instant(rs, "completed_at"), interventions, actions);
    }

    private PlanAction actionRow(ResultSet rs, int row) throws SQLException {
        return new PlanAction(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("standard_id"),
                rs.getString("description"), rs.getString("owner_name"), rs.getString("owner_email"),
                rs.getObject("due_on", LocalDate.class), rs.getString("measure"),
                PlanAction.Status.valueOf(rs.getString("status")), rs.getString("status_note"),
                instant(rs, "created_at"), instant(rs, "closed_at"));
    }
}
