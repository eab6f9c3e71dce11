package dev.meshwalk.traffic;

import java.time.Duration;
import java.util.Map;

/**
 * The traffic loop's numbers at one moment: what a live bar per color, the rate and the error list are drawn
 * from.
 *
 * @param requests         requests answered or failed so far
 * @param succeeded        of those, the ones with a color
 * @param colorCounts      answers per color, in first-seen order
 * @param observedShare    each color's share of the successful answers we saw (0..1)
 * @param appShare         front's own share per color over its last 1000 answers, from the latest answer
 * @param requestsPerSecond the rate over the last ten seconds
 * @param p50              median latency of successful answers (recent window)
 * @param p95              95th percentile latency of successful answers (recent window)
 * @param errors           failures per kind
 */
public record TrafficSummary(long requests, long succeeded, Map<String, Long> colorCounts,
        Map<String, Double> observedShare, Map<String, Double> appShare, double requestsPerSecond,
        Duration p50, Duration p95, Map<ErrorKind, Long> errors) {

    public TrafficSummary {
        colorCounts = Map.copyOf(colorCounts);
        observedShare = Map.copyOf(observedShare);
        appShare = Map.copyOf(appShare);
        errors = Map.copyOf(errors);
    }

    public long failed() {
        return requests - succeeded;
    }
}
