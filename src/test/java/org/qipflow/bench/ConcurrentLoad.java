package org.qipflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Clients sending the same request side by side, each request timed from sending to its last byte. */
record ConcurrentLoad(HttpClient client, int clients, int requestsPerClient) {

    /**
     * The request against its floor: the same bytes served as a static file by the same server (which
     * must serve {@code file:target/bench-static/}), after a warm-up of each as long as the measurement
     * (until then the JIT is still compiling the page's path, which made one figure swing by a factor of
     * four between runs), in alternating passes so drift on a noisy machine falls on both.
     */
    BenchmarkFigures againstStaticCopy(HttpRequest request, String body, int port, String copyName, int passes,
            String description) throws Exception {
        Path copy = Path.of("target", "bench-static", "css", copyName);
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, body);
        HttpRequest floor = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/css/" + copyName)).GET()
                .build();
        assertThat(client.send(floor, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(body);
        for (int pass = 0; pass < passes; pass++) {
            nanos(request);
            nanos(floor);
        }
        List<Long> measured = new ArrayList<>();
        List<Long> floorNanos = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            measured.addAll(nanos(request));
            floorNanos.addAll(nanos(floor));
        }
        return BenchmarkFigures.ofNanos(description, measured, floorNanos);
    }

    List<Long> nanos(HttpRequest request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    List<Long> nanos = new ArrayList<>();
                    for (int r = 0; r < requestsPerClient; r++) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        nanos.add(System.nanoTime() - start);
                        assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            return Collections.unmodifiableList(all);
        } finally {
            pool.shutdown();
        }
    }
}
