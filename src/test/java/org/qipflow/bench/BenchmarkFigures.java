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
 * Times are milliseconds, with fractions for measurements taken in nanoseconds.
 */
record BenchmarkFigures(String description, List<Double> measuredMs, List<Double> floorMs) {

    static BenchmarkFigures ofMillis(String description, List<Long> measured, List<Long> floor) {
        return new BenchmarkFigures(description, measured.stream().map(Long::doubleValue).toList(),
                floor.stream().map(Long::doubleValue).toList());
    }

    static BenchmarkFigures ofNanos(String description, List<Long> measured, List<Long> floor) {
        return new BenchmarkFigures(description, measured.stream().map(n -> n / 1e6).toList(),
                floor.stream().map(n -> n / 1e6).toList());
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }

    /** The 95th percentile, nearest rank. */
    static double p95(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    }

    double ratio() {
        return median(measuredMs) / median(floorMs);
    }

    double p95Ratio() {
        return p95(measuredMs) / p95(floorMs);
    }

    void write(String name) throws IOException {
        String report = String.format(Locale.ROOT, """
                {"benchmark":"%s","rounds":%d,"medianMs":%s,"floorMedianMs":%s,"ratio":%.1f,
                 "p95Ms":%s,"floorP95Ms":%s,"p95Ratio":%.1f,"measuredMs":%s,"floorMs":%s}
                """, description, measuredMs.size(), round(median(measuredMs)), round(median(floorMs)), ratio(),
                round(p95(measuredMs)), round(p95(floorMs)), p95Ratio(), rounded(measuredMs), rounded(floorMs));
        Path out = Path.of("target", "bench", name + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("BENCHMARK " + report.replace("\n", ""));
    }

    /** Whole milliseconds above 100, two decimals below: enough to compare, short enough to read. */
    private static String round(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    private static String rounded(List<Double> values) {
        return values.size() > 50 ? "\"" + values.size() + " values\"" : values.stream().map(BenchmarkFigures::round)
                .toList().toString();
    }
}
