package dev.meshwalk.localcloud.service.xray;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts requests the way X-Ray's {@code ServiceStatistics}/{@code EdgeStatistics} do, and keeps the
 * response-time histogram and the first start / last end beside them.
 *
 * <p>Invariant (checked by the tests): TotalCount = OkCount + ErrorStatistics.TotalCount +
 * FaultStatistics.TotalCount, and ErrorStatistics.TotalCount = ThrottleCount + OtherCount.
 */
final class RequestStatistics {

    private long ok;
    private long throttle;
    private long otherError;
    private long fault;
    private double totalResponseTime;
    private final TreeMap<Long, Integer> histogramMillis = new TreeMap<>();
    private double firstStart = Double.POSITIVE_INFINITY;
    private double lastEnd = Double.NEGATIVE_INFINITY;

    /** Counts one request: its outcome, its length and its time span. */
    void add(TraceEntity.Outcome outcome, double start, double end) {
        switch (outcome) {
            case OK -> ok++;
            case THROTTLE -> throttle++;
            case ERROR -> otherError++;
            case FAULT -> fault++;
        }
        double seconds = Math.max(0, end - start);
        totalResponseTime += seconds;
        histogramMillis.merge(Math.round(seconds * 1000), 1, Integer::sum);
        firstStart = Math.min(firstStart, start);
        lastEnd = Math.max(lastEnd, end);
    }

    void add(TraceEntity entity) {
        add(entity.outcome(), entity.startTime(), entity.endTime());
    }

    /** Epoch seconds of the first request start; +infinity when nothing was counted. */
    double firstStart() {
        return firstStart;
    }

    /** Epoch seconds of the last request end; -infinity when nothing was counted. */
    double lastEnd() {
        return lastEnd;
    }

    long total() {
        return ok + throttle + otherError + fault;
    }

    Instant startTime() {
        return wholeSecond(Math.floor(firstStart));
    }

    Instant endTime() {
        return wholeSecond(Math.ceil(lastEnd));
    }

    /** The {@code SummaryStatistics} member. */
    Map<String, Object> summary() {
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("ThrottleCount", throttle);
        errors.put("OtherCount", otherError);
        errors.put("TotalCount", throttle + otherError);
        Map<String, Object> faults = new LinkedHashMap<>();
        faults.put("OtherCount", fault);
        faults.put("TotalCount", fault);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("OkCount", ok);
        out.put("ErrorStatistics", errors);
        out.put("FaultStatistics", faults);
        out.put("TotalCount", total());
        out.put("TotalResponseTime", Math.round(totalResponseTime * 1_000_000) / 1_000_000.0);
        return out;
    }

    /** A histogram in X-Ray's shape: one entry per millisecond value seen, ascending. */
    List<Object> histogram() {
        return histogramMillis.entrySet().stream()
                .<Object>map(e -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("Value", e.getKey() / 1000.0);
                    entry.put("Count", e.getValue());
                    return entry;
                })
                .toList();
    }

    static Instant wholeSecond(double epochSeconds) {
        return Instant.ofEpochSecond((long) epochSeconds);
    }
}
