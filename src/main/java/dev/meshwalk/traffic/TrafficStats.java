package dev.meshwalk.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Aggregates {@link TrafficEvent}s into a {@link TrafficSummary}: counts and shares per color, front's own
 * stats, the recent request rate and latency percentiles, errors by kind. Thread-safe: the loop records while a
 * front-end reads snapshots.
 */
public final class TrafficStats {

    private static final int LATENCY_WINDOW = 1000;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    private long requests;
    private long succeeded;
    private final Map<String, Long> colorCounts = new LinkedHashMap<>();
    private Map<String, Double> appShare = Map.of();
    private final Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
    private final Deque<Long> latenciesNanos = new ArrayDeque<>();
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Instant first;

    public synchronized void record(TrafficEvent event) {
        requests++;
        if (first == null) {
            first = event.at();
        }
        recent.addLast(event.at());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(event.at().minus(RATE_WINDOW))) {
            recent.removeFirst();
        }
        if (event.ok()) {
            succeeded++;
            event.color().ifPresent(c -> colorCounts.merge(c, 1L, Long::sum));
            if (!event.appStats().isEmpty()) {
                appShare = event.appStats();
            }
            latenciesNanos.addLast(event.latency().toNanos());
            if (latenciesNanos.size() > LATENCY_WINDOW) {
                latenciesNanos.removeFirst();
            }
        } else {
            event.error().ifPresent(k -> errors.merge(k, 1L, Long::sum));
        }
    }

    /** The numbers now; {@code now} decides the rate window (pass {@code Instant.now()}). */
    public synchronized TrafficSummary snapshot(Instant now) {
        Map<String, Double> observed = new LinkedHashMap<>();
        colorCounts.forEach((color, n) -> observed.put(color, succeeded == 0 ? 0.0 : (double) n / succeeded));
        long inWindow = recent.stream().filter(t -> !t.isBefore(now.minus(RATE_WINDOW))).count();
        double seconds = first == null ? 0 : Math.min(RATE_WINDOW.toMillis(),
                Math.max(1, Duration.between(first, now).toMillis())) / 1000.0;
        double rate = seconds == 0 ? 0 : inWindow / seconds;
        long[] sorted = latenciesNanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new TrafficSummary(requests, succeeded, colorCounts, observed, appShare, rate,
                percentile(sorted, 0.50), percentile(sorted, 0.95), errors);
    }

    /** Nearest-rank percentile; zero when there is nothing to rank. */
    static Duration percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return Duration.ofNanos(sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))]);
    }
}
