package dev.meshwalk.localcloud.dataplane;

import java.time.Duration;

/**
 * The one setting that compresses real-network timings (health-check intervals, deregistration delays,
 * container health checks, DNS TTLs) so a chapter deploys in seconds on one machine.
 *
 * <p>Every template duration is multiplied by {@link #factor()} and never goes below {@link #floor()}, so a
 * 60 s target-group health-check interval becomes 0.5 s and a 120 s deregistration delay 1 s with the
 * defaults. The UI and docs show {@link #describe()} so a learner knows local timings are not AWS's.
 *
 * @param factor multiplier applied to every template duration, in (0, 1]
 * @param floor  shortest duration a compressed timing may take
 */
public record LocalTimings(double factor, Duration floor) {

    /** Default compression: 1/120 of real time, never under 250 ms. */
    public static LocalTimings defaults() {
        return new LocalTimings(1.0 / 120, Duration.ofMillis(250));
    }

    /** Uncompressed timings, as AWS would run them. */
    public static LocalTimings realTime() {
        return new LocalTimings(1.0, Duration.ZERO);
    }

    public LocalTimings {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("timing compression factor must be in (0, 1], got " + factor);
        }
        if (floor == null || floor.isNegative()) {
            throw new IllegalArgumentException("timing floor must be zero or positive");
        }
    }

    /** A template duration as it runs locally. */
    public Duration compress(Duration templateDuration) {
        long nanos = (long) (templateDuration.toNanos() * factor);
        Duration compressed = Duration.ofNanos(nanos);
        return compressed.compareTo(floor) < 0 ? floor : compressed;
    }

    /** A template duration given in seconds, as it runs locally. */
    public Duration seconds(long templateSeconds) {
        return compress(Duration.ofSeconds(templateSeconds));
    }

    /**
     * A probe timeout as run locally: compressed like the rest, but never under one second, because a timeout
     * bounds how long the app takes to answer, and the app is not faster locally (a cold JVM answers its first
     * request in tens of milliseconds).
     */
    public Duration timeout(long templateSeconds) {
        Duration compressed = seconds(templateSeconds);
        Duration minimum = Duration.ofSeconds(1);
        return compressed.compareTo(minimum) < 0 ? minimum : compressed;
    }

    /** A DNS TTL as served locally: compressed, rounded up, at least one second (TTLs are whole seconds). */
    public long dnsTtlSeconds(long templateTtlSeconds) {
        return Math.max(1, (long) Math.ceil(templateTtlSeconds * factor));
    }

    /** How often ECS services compare running tasks with their desired count (AWS: a few seconds). */
    public Duration reconcileInterval() {
        return seconds(20);
    }

    /** Human-readable summary for the UI and README. */
    public String describe() {
        return String.format("local timings run at 1/%.0f of AWS's (minimum %d ms): health-check interval 60 s -> %d ms,"
                        + " deregistration delay 120 s -> %d ms, DNS TTL 300 s -> %d s",
                1 / factor, floor.toMillis(), seconds(60).toMillis(), seconds(120).toMillis(), dnsTtlSeconds(300));
    }
}
