package org.qipflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qipflow.membership.MembershipRenewals;
import org.qipflow.membership.OrganisationService;
import org.qipflow.membership.RenewalDecision;
import org.qipflow.support.Http;
import org.qipflow.support.RunningApp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production profile on a real PostgreSQL: Flyway's migrations, the application's persistence,
 * the API and one process end to end, and that all of it survives a restart.
 */
class PostgresTest {

    static final String ADMIN_PASSWORD = "a-long-production-password";
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    static Map<String, Object> environment(String adminPassword) {
        Map<String, Object> env = new HashMap<>();
        env.put("QIPFLOW_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QIPFLOW_DB_USERNAME", "postgres");
        env.put("QIPFLOW_DB_PASSWORD", "postgres");
        env.put("QIPFLOW_ADMIN_PASSWORD", adminPassword);
        env.put("QIPFLOW_BASE_URL", "https://qipflow.example.nhs.uk");
        env.put("QIPFLOW_MAIL_FROM", "qipflow <qipflow@example.nhs.uk>");
        env.put("QIPFLOW_MAIL_COORDINATORS", "programme-team@example.nhs.uk");
        env.put("QIPFLOW_OUTBOX_LINK_KEY", "3q2+7w0T5Yp1bQk8m9X2cR4vN6sA1uH0jL7fD3gK5eI=");
        env.put("camunda.bpm.job-execution.enabled", false);
        return env;
    }

    static HttpResponse<String> send(Http http, String method, String path, String contentType, String body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.url(path)))
                .header("Authorization", Http.basic("coordinator", ADMIN_PASSWORD))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static String organisation(String code, String lead) {
        return """
                {"code":"%s","name":"Postgres Trust","nation":"Scotland","type":"HEALTH_BOARD",
                 "localLead":{"name":"%s","email":"lead@nhs.scot","jobTitle":"Lead Pharmacist"},
                 "membershipEnds":"2030-12-31"}""".formatted(code, lead);
    }

    @Test
    void refusesToStartWithoutAnAdministratorPasswordItsPublicAddressOrAKeyForStoredLinks() {
        assertThatThrownBy(() -> RunningApp.start("postgres", environment("")).close())
                .rootCause().hasMessageContaining("QIPFLOW_ADMIN_PASSWORD");
        Map<String, Object> noAddress = environment(ADMIN_PASSWORD);
        noAddress.remove("QIPFLOW_BASE_URL");
        assertThatThrownBy(() -> RunningApp.start("postgres", noAddress).close())
                .rootCause().hasMessageContaining("Set qipflow.base-url (QIPFLOW_BASE_URL)");
        Map<String, Object> noKey = environment(ADMIN_PASSWORD);
        noKey.remove("QIPFLOW_OUTBOX_LINK_KEY");
        assertThatThrownBy(() -> RunningApp.start("postgres", noKey).close())
                .rootCause().hasMessageContaining("Set qipflow.outbox.link-key (QIPFLOW_OUTBOX_LINK_KEY)");
    }

    @Test
    void organisationsAndTheirRenewalProcessLiveInPostgresAndSurviveARestart() {
        try (RunningApp app = RunningApp.start("postgres", environment(ADMIN_PASSWORD))) {
            Http http = app.http();
            assertThat(app.bean(OrganisationService.class).list(null)).as("no demo data in production").isEmpty();
            assertThat(app.bean(JdbcClient.class).sql("select count(*) from flyway_schema_history where success")
                    .query(Long.class).single()).isPositive();

            assertThat(send(http, "POST", "/api/organisations", "application/json", organisation("PG1", "First"))
                    .statusCode()).isEqualTo(201);
            assertThat(send(http, "POST", "/api/organisations", "application/json", organisation("PG1", "First"))
                    .statusCode()).isEqualTo(409);
            assertThat(send(http, "PUT", "/api/organisations/PG1", "application/json", organisation("PG1", "Second"))
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> rejected = send(http, "POST", "/api/organisations/import", "text/csv", """
                    code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title
                    PG2,Fine Trust,England,NHS trust,Lead,lead@nhs.net,Pharmacist
                    PG3,Broken Trust,Mars,NHS trust,Lead,lead@nhs.net,Pharmacist
                    """);
            assertThat(rejected.statusCode()).isEqualTo(422);

            RuntimeService runtime = app.bean(RuntimeService.class);
            ManagementService management = app.bean(ManagementService.class);
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("PG1")
                    .singleResult();
            management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
            app.bean(MembershipRenewals.class).decide("PG1", RenewalDecision.RENEW_ONE_YEAR);
        }

        try (RunningApp app = RunningApp.start("postgres", environment(ADMIN_PASSWORD))) {
            HttpResponse<String> read = app.http().get("/api/organisations/PG1", "coordinator", ADMIN_PASSWORD);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"membershipEnds\":\"2031-12-31\"", "\"name\":\"Second\"",
                    "\"name\":\"First\"");
            assertThat(app.http().get("/api/organisations/PG2", "coordinator", ADMIN_PASSWORD).statusCode())
                    .isEqualTo(404);
            assertThat(app.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey("PG1")
                    .activityIdIn("Timer_RenewalDue").count()).isEqualTo(1);
        }
    }
}
