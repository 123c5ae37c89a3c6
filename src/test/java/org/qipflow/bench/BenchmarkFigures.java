package org.qipflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The timings of one benchmark and of its floor, measured in the same run, reported as medians and
 * their ratio (these machines are noisy) to {@code target/bench/<name>.json} and the build log.
 */
record BenchmarkFigures(String description, List<Long> measuredMs, List<Long> floorMs) {

    static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }

    double ratio() {
        return median(measuredMs) / median(floorMs);
    }

    void write(String name) throws IOException {
        String report = String.format(Locale.ROOT, """
                {"benchmark":"%s","rounds":%d,"medianMs":%.0f,"floorMedianMs":%.0f,"ratio":%.1f,
                 "measuredMs":%s,"floorMs":%s}
                """, description, measuredMs.size(), median(measuredMs), median(floorMs), ratio(), measuredMs, floorMs);
        Path out = Path.of("target", "bench", name + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("BENCHMARK " + report.replace("\n", ""));
    }
}
