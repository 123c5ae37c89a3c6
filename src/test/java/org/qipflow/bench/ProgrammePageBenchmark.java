package org.qipflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
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
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.support.Http;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A programme's page and {@code GET /api/programmes/{code}} for a programme of 8 published rounds with
 * 100 organisations each, fetched by {@value #CLIENTS} concurrent clients, against the same bytes served
 * as a static file by the same server. Run with {@code ./mvnw verify -Pbench}.
 */
@Tag("bench")
@QipflowTest
@TestPropertySource(properties = "spring.web.resources.static-locations=classpath:/static/,file:target/bench-static/")
class ProgrammePageBenchmark {

    static final String CODE = "QIP-PAGEBENCH";
    static final int ROUNDS_OF_PROGRAMME = 8;
    static final int ORGANISATIONS = 100;
    static final int RECORDS_PER_ROUND = 2_000;
    static final int CLIENTS = 20;
    static final int REQUESTS_PER_CLIENT = 10;
    static final int PASSES = 3;

    @Autowired
    ProgrammeService programmes;
    @Autowired
    CycleService cycles;
    @Autowired
    OrganisationService members;
    @Autowired
    ParticipationService participation;
    @Autowired
    CycleAnalysis analysis;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void programmePageAndApiUnderConcurrentLoad() throws Exception {
        List<String> organisations = IntStream.range(0, ORGANISATIONS).mapToObj(i -> String.format("G%03d", i)).toList();
        organisations.forEach(code -> members.create(new OrganisationInput(code, "Page Bench " + code, "England",
                "NHS trust", "Lead", "lead@nhs.example", "Pharmacist", "2035-12-31")));
        programmes.create(CODE, "Programme page benchmark", "lithium-monitoring");
        for (int r = 0; r < ROUNDS_OF_PROGRAMME; r++) {
            CycleKind kind = r == 0 ? CycleKind.BASELINE : r % 2 == 1 ? CycleKind.REAUDIT : CycleKind.SUPPLEMENTARY;
            Cycle round = cycles.schedule(CODE, kind, LocalDateTime.of(2031 + r, 3, 3, 9, 0).atZone(UkTime.ZONE),
                    Map.of());
            participation.joinAll(round.id(), organisations);
            ReportBenchmark.insertRecords(jdbc, round.id(), organisations, RECORDS_PER_ROUND);
            analysis.analyse(round.id(), organisations);
            cycles.markPublished(round.id());
        }

        Http coordinator = Http.signedIn(port, QipflowTest.USER, QipflowTest.PASSWORD);
        HttpRequest page = HttpRequest.newBuilder(URI.create(coordinator.url("/programmes/" + CODE)))
                .header("Cookie", "JSESSIONID=" + coordinator.cookie("JSESSIONID")).GET().build();
        HttpRequest api = HttpRequest.newBuilder(URI.create(coordinator.url("/api/programmes/" + CODE)))
                .header("Authorization", Http.basic(QipflowTest.USER, QipflowTest.PASSWORD)).GET().build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String html = client.send(page, HttpResponse.BodyHandlers.ofString()).body();
        String json = client.send(api, HttpResponse.BodyHandlers.ofString()).body();
        assertThat(html).contains("Re-audit (round 8)", "Supplementary audit (round 7)", "100 organisations");
        assertThat(json.split("\"standardId\"", -1)).hasSize(ROUNDS_OF_PROGRAMME * 4 + 1);

        compare(client, page, html, "programme-page.html", "programme page, " + ROUNDS_OF_PROGRAMME + " rounds x "
                + ORGANISATIONS + " organisations (" + html.length() + " bytes), " + CLIENTS
                + " concurrent clients, per request (floor: the same bytes as a static file)", "programme-page");
        compare(client, api, json, "programme-api.json", "GET /api/programmes/{code}, " + ROUNDS_OF_PROGRAMME
                + " rounds x " + ORGANISATIONS + " organisations (" + json.length() + " bytes), " + CLIENTS
                + " concurrent clients, per request (floor: the same bytes as a static file)", "programme-api");
    }

    private void compare(HttpClient client, HttpRequest request, String body, String copyName, String description,
            String name) throws Exception {
        new ConcurrentLoad(client, CLIENTS, REQUESTS_PER_CLIENT)
                .againstStaticCopy(request, body, port, copyName, PASSES, description).write(name);
    }
}
