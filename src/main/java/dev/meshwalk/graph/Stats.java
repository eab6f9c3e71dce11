package dev.meshwalk.graph;

/**
 * Request counts and time of one node or edge, as X-Ray's {@code SummaryStatistics} reports them.
 *
 * <p>X-Ray splits its {@code ErrorStatistics} (4xx) into throttles (429) and the rest; we keep the two apart
 * because the map paints them differently. {@code total} is kept as reported rather than recomputed, so a
 * file whose parts do not add up still shows what X-Ray said.
 *
 * @param ok                 2xx answers ({@code OkCount})
 * @param clientErrors       4xx answers other than 429 ({@code ErrorStatistics.OtherCount})
 * @param throttles          429 answers ({@code ErrorStatistics.ThrottleCount})
 * @param faults             5xx answers ({@code FaultStatistics.TotalCount})
 * @param total              all requests ({@code TotalCount})
 * @param totalResponseSeconds sum of response times in seconds ({@code TotalResponseTime})
 */
public record Stats(long ok, long clientErrors, long throttles, long faults, long total, double totalResponseSeconds) {

    /** No requests at all. */
    public static final Stats NONE = new Stats(0, 0, 0, 0, 0, 0.0);

    public Stats {
        if (ok < 0 || clientErrors < 0 || throttles < 0 || faults < 0 || total < 0 || totalResponseSeconds < 0) {
            throw new IllegalArgumentException("request counts and times cannot be negative");
        }
    }

    /** Average response time in milliseconds, or NaN when there were no requests. */
    public double averageMillis() {
        return total == 0 ? Double.NaN : totalResponseSeconds * 1000.0 / total;
    }

    /** Share of 2xx answers in [0, 1], or NaN when there were no requests. */
    public double successRatio() {
        return total == 0 ? Double.NaN : (double) ok / total;
    }

    /** The sum of both, as X-Ray merges edges with the same ends. */
    public Stats plus(Stats other) {
        return new Stats(ok + other.ok, clientErrors + other.clientErrors, throttles + other.throttles,
                faults + other.faults, total + other.total, totalResponseSeconds + other.totalResponseSeconds);
    }
}
