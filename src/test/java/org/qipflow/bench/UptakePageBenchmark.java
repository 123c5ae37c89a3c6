package org.qipflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qipflow.common.UkTime;
import org.qipflow.membership.OrganisationInput;
import org.qipflow.membership.OrganisationService;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.support.Http;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The programme team's action-plan uptake page and {@code GET /api/cycles/{id}/action-plans} for a round
 * of {@value #ORGANISATIONS} organisations, a catalogue of {@value #INTERVENTIONS} interventions and
 * {@value #ACTIONS} actions, fetched by {@value #CLIENTS} concurrent clients, against the same bytes
 * served as a static file by the same server. Run with {@code ./mvnw verify -Pbench}.
 */
@Tag("bench")
@QipflowTest
@TestPropertySource(properties = "spring.web.resources.static-locations=classpath:/static/,file:target/bench-static/")
class UptakePageBenchmark {

    static final String CODE = "QIP-UPTAKEBENCH";
    static final int ORGANISATIONS = 100;
    static final int INTERVENTIONS = 20;
    static final int ACTIONS = 500;
    static final int CLIENTS = 20;
    static final int REQUESTS_PER_CLIENT = 10;
    static final int PASSES = 3;
    private static final String[] STATUSES = {"OPEN", "DONE", "BLOCKED", "DROPPED", "OPEN"};

    @Autowired
    ProgrammeService programmes;
    @Autowired
    CycleService cycles;
    @Autowired
    OrganisationService members;
    @Autowired
    ParticipationService participation;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void uptakePageAndApiUnderConcurrentLoad() throws Exception {
        List<String> organisations = IntStream.range(0, ORGANISATIONS).mapToObj(i -> String.format("U%03d", i)).toList();
        organisations.forEach(code -> members.create(new OrganisationInput(code, "Uptake Bench " + code, "England",
                "NHS trust", "Lead", "lead@nhs.example", "Pharmacist", "2035-12-31")));
        programmes.create(CODE, "Uptake page benchmark", "lithium-monitoring");
        Cycle round = cycles.schedule(CODE, CycleKind.BASELINE, LocalDateTime.of(2031, 3, 3, 9, 0).atZone(UkTime.ZONE),
                Map.of());
        participation.joinAll(round.id(), organisations);
        cycles.markPublished(round.id());
        plans(round, organisations);

        Http coordinator = Http.signedIn(port, QipflowTest.USER, QipflowTest.PASSWORD);
        HttpRequest page = HttpRequest.newBuilder(URI.create(coordinator.url("/cycles/" + round.id() + "/action-plans")))
                .header("Cookie", "JSESSIONID=" + coordinator.cookie("JSESSIONID")).GET().build();
        HttpRequest api = HttpRequest.newBuilder(URI.create(coordinator.url("/api/cycles/" + round.id()
                + "/action-plans"))).header("Authorization", Http.basic(QipflowTest.USER, QipflowTest.PASSWORD)).GET()
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String html = client.send(page, HttpResponse.BodyHandlers.ofString()).body();
        String json = client.send(api, HttpResponse.BodyHandlers.ofString()).body();
        assertThat(html).contains(ORGANISATIONS + " of " + ORGANISATIONS + " organisations have submitted a plan.",
                "Uptake Bench U099");
        assertThat(json.split("\"organisationCode\"", -1)).hasSize(ORGANISATIONS + 1);
        assertThat(json.split("\"title\"", -1)).hasSize(INTERVENTIONS + 1);

        ConcurrentLoad load = new ConcurrentLoad(client, CLIENTS, REQUESTS_PER_CLIENT);
        String sizes = ORGANISATIONS + " organisations x " + INTERVENTIONS + " interventions, " + ACTIONS + " actions";
        load.againstStaticCopy(page, html, port, "uptake-page.html", PASSES, "action-plan uptake page, " + sizes + " ("
                + html.length() + " bytes), " + CLIENTS + " concurrent clients, per request (floor: the same bytes as a "
                + "static file)").write("uptake-page");
        load.againstStaticCopy(api, json, port, "uptake-api.json", PASSES, "GET /api/cycles/{id}/action-plans, " + sizes
                + " (" + json.length() + " bytes), " + CLIENTS + " concurrent clients, per request (floor: the same "
                + "bytes as a static file)").write("uptake-api");
    }

    /** Every organisation's plan submitted with three interventions of the catalogue and five actions. */
    private void plans(Cycle round, List<String> organisations) {
        Timestamp now = Timestamp.from(Instant.now());
        long programme = jdbc.queryForObject("select programme_id from audit_cycle where id = ?", Long.class, round.id());
        List<Long> interventions = new ArrayList<>();
        for (int i = 0; i < INTERVENTIONS; i++) {
            jdbc.update("insert into change_intervention (programme_id, title, kind, description, link_url, created_at) "
                    + "values (?, ?, 'SLIDE_SET', 'For teams', ?, ?)", programme, "Intervention " + i,
                    "https://www.example.nhs.uk/i" + i, now);
            interventions.add(jdbc.queryForObject("select max(id) from change_intervention", Long.class));
        }
        LocalDate today = LocalDate.now(UkTime.ZONE);
        for (int o = 0; o < organisations.size(); o++) {
            jdbc.update("insert into action_plan (cycle_id, organisation_code, status, created_at, submitted_at) "
                    + "values (?, ?, 'IN_PROGRESS', ?, ?)", round.id(), organisations.get(o), now, now);
            long plan = jdbc.queryForObject("select max(id) from action_plan", Long.class);
            for (int k = 0; k < 3; k++) {
                jdbc.update("insert into action_plan_intervention (plan_id, intervention_id) values (?, ?)", plan,
                        interventions.get((o + k * 7) % INTERVENTIONS));
            }
            List<Object[]> actions = new ArrayList<>();
            for (int a = 0; a < ACTIONS / ORGANISATIONS; a++) {
                actions.add(new Object[] {plan, "S" + (a % 4 + 1), "Action " + a, "Owner " + a, "owner@nhs.example",
                        Date.valueOf(today.plusDays(a * 13L - 20)), "Share of records", STATUSES[a], now});
            }
            jdbc.batchUpdate("insert into plan_action (plan_id, standard_id, description, owner_name, owner_email, "
                    + "due_on, measure, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", actions);
        }
    }
}
