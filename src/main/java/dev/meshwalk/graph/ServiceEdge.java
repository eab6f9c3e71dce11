package dev.meshwalk.graph;

import java.time.Instant;
import java.util.List;

/**
 * A caller-to-callee connection, kept on the caller as X-Ray does.
 *
 * @param targetId      reference id of the callee
 * @param start         first request on this edge, or null when unknown
 * @param end           last request on this edge, or null when unknown
 * @param stats         what the caller saw (round trips), never null ({@link Stats#NONE} when absent)
 * @param responseTimes client-side response-time histogram, possibly empty
 */
public record ServiceEdge(int targetId, Instant start, Instant end, Stats stats, List<HistogramBin> responseTimes) {

    public ServiceEdge {
        stats = stats == null ? Stats.NONE : stats;
        responseTimes = responseTimes == null ? List.of() : List.copyOf(responseTimes);
    }

    /** An edge with only counts, for code that builds graphs by hand (tests, generators, converters). */
    public static ServiceEdge of(int targetId, Stats stats) {
        return new ServiceEdge(targetId, null, null, stats, List.of());
    }
}
