package org.qipflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qipflow.membership.OrganisationService;
import org.qipflow.support.Http;
import org.qipflow.support.RunningApp;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The local demo as a newcomer runs it: H2 file database, demo data once, demo sign-in, a restart. */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeTest {

    @TempDir
    Path dataDirectory;

    @Test
    void demoDataIsLoadedOnceAndEverythingSurvivesARestart(CapturedOutput log) {
        Map<String, Object> properties = Map.of("spring.datasource.url",
                "jdbc:h2:file:" + dataDirectory.resolve("qipflow") + ";DB_CLOSE_ON_EXIT=FALSE",
                "qipflow.outbox.link-key-file", dataDirectory.resolve("outbox-link.key").toString());
        try (RunningApp app = RunningApp.start("demo", properties)) {
            assertThat(dataDirectory.resolve("outbox-link.key")).as("the key for stored links, beside the database")
                    .isNotEmptyFile();
            Http http = app.http();
            assertThat(app.bean(OrganisationService.class).list(null)).hasSize(6)
                    .allSatisfy(o -> assertThat(o.name()).endsWith("(demo)"));
            assertThat(http.get("/actuator/health").body()).contains("\"jobExecutor\":{\"status\":\"UP\"}",
                    "\"processEngine\":{\"status\":\"UP\"}");
            assertThat(http.get("/login").body()).contains("This is the demo", "qf-demo-banner",
                    "It is reachable from this computer only");
            assertThat(app.property("server.address")).as("the demo listens on this computer only").isEqualTo("127.0.0.1");
            // no qipflow.base-url: links point where the server listens, as the log says
            String address = "http://localhost:" + app.port();
            assertThat(log.getOut()).contains("qipflow is running at " + address,
                    "Demo mode: open " + address + "/ and sign in");
            assertThat(http.get("/calendar/programme.ics").body()).contains("URL:" + address + "/calendar");
            assertThat(http.get("/api/programmes", "coordinator", "coordinator").body()).contains("QIP-7");
            // what the demo shows of what comes after the report
            assertThat(http.get("/api/programmes/QIP-7/interventions", "coordinator", "coordinator").body())
                    .contains("Lithium monitoring: slides for team meetings (demo)");
            assertThat(http.get("/api/programmes/QIP-7/outlier-policy", "coordinator", "coordinator").body())
                    .contains("\"indicators\":[\"S1\",\"S2\"]");
            assertThat(http.get("/api/organisations/XA1/contacts", "coordinator", "coordinator").body())
                    .contains("Dr Grace Obi (demo)");
            int created = http.send(HttpRequest.newBuilder(URI.create(http.url("/api/organisations")))
                    .header("Authorization", Http.basic("coordinator", "coordinator"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"code":"RST","name":"Restart Trust","nation":"Wales","type":"HEALTH_BOARD",
                             "localLead":{"name":"Lead","email":"lead@wales.nhs.uk","jobTitle":"Pharmacist"}}"""))
                    .build()).statusCode();
            assertThat(created).isEqualTo(201);
        }

        Map<String, Object> reachable = new HashMap<>(properties);
        reachable.put("server.address", "0.0.0.0");
        assertThatThrownBy(() -> RunningApp.start("demo", reachable).close()).as("the demo password, open to all")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("will not start on server.address=0.0.0.0")
                .hasMessageContaining("QIPFLOW_ADMIN_PASSWORD");
        reachable.put("qipflow.admin.password", "a-new-password-of-its-own");
        assertThatThrownBy(() -> RunningApp.start("demo", reachable).close())
                .as("a new setting does not change the account already made with the demo password")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has the demo password");

        try (RunningApp app = RunningApp.start("demo", properties)) {
            assertThat(app.bean(OrganisationService.class).list(null)).hasSize(7)
                    .anySatisfy(o -> assertThat(o.code()).isEqualTo("RST"));
            assertThat(app.http().get("/api/organisations/RST", "coordinator", "coordinator").statusCode())
                    .isEqualTo(200);
        }
    }
}
