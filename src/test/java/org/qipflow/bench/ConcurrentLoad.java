package org.qipflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Clients sending the same request side by side, each request timed from sending to its last byte. */
record ConcurrentLoad(HttpClient client, int clients, int requestsPerClient) {

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
