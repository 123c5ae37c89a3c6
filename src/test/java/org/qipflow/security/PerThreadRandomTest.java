package org.qipflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class PerThreadRandomTest {

    @Test
    void everyThreadDrawsDistinctBytesFromItsOwnGenerator() throws Exception {
        PerThreadRandom random = new PerThreadRandom();
        Set<String> drawn = ConcurrentHashMap.newKeySet();
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> draws = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                draws.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        byte[] bytes = new byte[32];
                        random.nextBytes(bytes);
                        drawn.add(HexFormat.of().formatHex(bytes));
                    }
                }));
            }
            for (Future<?> draw : draws) {
                draw.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(drawn).as("1,000 draws of 32 bytes, none repeated across or within threads").hasSize(1000);
        Set<Integer> firstBytes = new HashSet<>();
        drawn.forEach(hex -> firstBytes.add(Integer.parseInt(hex.substring(0, 2), 16)));
        assertThat(firstBytes).as("the first byte takes most of its 256 values").hasSizeGreaterThan(200);
    }
}
