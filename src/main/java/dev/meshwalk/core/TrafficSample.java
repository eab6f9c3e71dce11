package dev.meshwalk.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The traffic loop's numbers at one moment, in the core's words (the effects translate the loop's summary).
 *
 * @param requests          requests answered or failed so far
 * @param succeeded         of those, the ones with a color
 * @param colorCounts       answers per color we observed
 * @param observedShare     each color's share of the successful answers we observed (0..1)
 * @param appShare          front's own share per color over its last 1000 answers (its {@code stats})
 * @param requestsPerSecond the recent rate
 * @param p50               median latency of recent successful answers
 * @param p95               95th percentile latency of recent successful answers
 * @param errors            failures per kind, in the kinds' fixed order, each with its short explanation
 * @param interval          the pause between requests
 * @param running           whether the loop still runs
 */
public record TrafficSample(long requests, long succeeded, Map<String, Long> colorCounts,
        Map<String, Double> observedShare, Map<String, Double> appShare, double requestsPerSecond, Duration p50,
        Duration p95, List<ErrorCount> errors, Duration interval, boolean running) {

    /** How often one kind of failure happened, and what it usually means. */
    public record ErrorCount(String kind, long count, String explanation) {
    }

    public TrafficSample {
        colorCounts = Map.copyOf(colorCounts);
        observedShare = Map.copyOf(observedShare);
        appShare = Map.copyOf(appShare);
        errors = List.copyOf(errors);
    }

    /** Before the first answer. */
    public static TrafficSample none(Duration interval, boolean running) {
        return new TrafficSample(0, 0, Map.of(), Map.of(), Map.of(), 0, Duration.ZERO, Duration.ZERO, List.of(),
                interval, running);
    }

    public long failed() {
        return requests - succeeded;
    }
}
