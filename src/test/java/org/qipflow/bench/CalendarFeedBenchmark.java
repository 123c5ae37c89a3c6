package org.qipflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qipflow.common.UkTime;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The public programme calendar with 50 programmes of 6 cycles each (1,500 entries), fetched by
 * {@link #CLIENTS} concurrent clients over loopback, against the same bytes served as a static file by
 * the same server. Run with {@code ./mvnw verify -Pbench}.
 */
@Tag("bench")
@QipflowTest
@TestPropertySource(properties = "spring.web.resources.static-locations=classpath:/static/,file:target/bench-static/")
class CalendarFeedBenchmark {

    static final int PROGRAMMES = 50;
    static final int CYCLES = 6;
    static final int CLIENTS = 8;
    static final int REQUESTS_PER_CLIENT = 25;
    static final int ROUNDS = 3;

    @Autowired
    ProgrammeService programmes;
    @Autowired
    CycleService cycles;
    @LocalServerPort
    int port;

    @Test
    void publicFeedUnderConcurrentLoad() throws Exception {
        for (int p = 0; p < PROGRAMMES; p++) {
            String code = String.format("QIP-B%02d", p);
            programmes.create(code, "Benchmark programme " + p, "lithium-monitoring");
            for (int c = 0; c < CYCLES; c++) {
                cycles.schedule(code, c == 0 ? CycleKind.BASELINE : CycleKind.REAUDIT,
                        LocalDateTime.of(2031 + c, 1 + p % 12, 6, 9, 0).atZone(UkTime.ZONE), Map.of());
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String feed = client.send(get("/calendar/programme.ics"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(feed.split("BEGIN:VEVENT", -1)).hasSizeGreaterThan(PROGRAMMES * CYCLES * 5);
        Path copy = Path.of("target", "bench-static", "css", "programme-copy.ics");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, feed);
        assertThat(client.send(get("/css/programme-copy.ics"), HttpResponse.BodyHandlers.ofString()).body())
                .isEqualTo(feed);

        List<Long> feedNanos = new ArrayList<>();
        List<Long> staticNanos = new ArrayList<>();
        load(client, "/calendar/programme.ics");                                     // warm-up
        load(client, "/css/programme-copy.ics");
        for (int round = 0; round < ROUNDS; round++) {
            feedNanos.addAll(load(client, "/calendar/programme.ics"));
            staticNanos.addAll(load(client, "/css/programme-copy.ics"));
        }
        BenchmarkFigures.ofNanos("public feed, " + PROGRAMMES + " programmes x " + CYCLES + " cycles ("
                        + feed.length() + " bytes), " + CLIENTS + " concurrent clients, per request (floor: the same "
                        + "bytes as a static file)", feedNanos, staticNanos).write("calendar-feed");
    }

    private List<Long> load(HttpClient client, String path) throws Exception {
        return new ConcurrentLoad(client, CLIENTS, REQUESTS_PER_CLIENT).nanos(get(path));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }
}
