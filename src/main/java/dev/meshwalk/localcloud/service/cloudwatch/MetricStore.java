package dev.meshwalk.localcloud.service.cloudwatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local CloudWatch's metric data: per metric, one {@link Aggregate} per second of timestamp.
 *
 * <p><b>Bounded.</b> Data older than the retention window (3 hours by default, the same span
 * {@code ListMetrics RecentlyActive=PT3H} looks at) is dropped as new data arrives, and a metric with no
 * data left disappears from ListMetrics. Per second and metric at most {@link Aggregate#MAX_RAW_VALUES}
 * raw values are kept for percentiles, so a hot metric costs a bounded amount per second.
 *
 * <p><b>Threads.</b> Metrics live in a concurrent map; each metric's buckets are guarded by that
 * metric's own lock, so writers to different metrics never wait for each other.
 */
public final class MetricStore {

    public static final Duration DEFAULT_RETENTION = Duration.ofHours(3);
    private static final int SWEEP_EVERY_PUTS = 4096;

    private final Clock clock;
    private final Duration retention;
    private final Map<MetricKey, Series> series = new ConcurrentHashMap<>();
    private final AtomicLong puts = new AtomicLong();

    public MetricStore() {
        this(Clock.systemUTC(), DEFAULT_RETENTION);
    }

    public MetricStore(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    public Clock clock() {
        return clock;
    }

    public Duration retention() {
        return retention;
    }

    private static final class Series {
        final TreeMap<Long, Aggregate> buckets = new TreeMap<>();
        String unit;
        /** Set by the sweep when it drops an empty series, so a late writer retries with a fresh one. */
        boolean removed;
    }

    /** Records one value seen {@code count} times at {@code timestamp}. */
    public void putValue(MetricKey key, Instant timestamp, double value, double count, String unit) {
        write(key, timestamp, unit, a -> a.addValue(value, count));
    }

    /** Records a pre-aggregated statistic set at {@code timestamp}. */
    public void putStatistics(MetricKey key, Instant timestamp, double sampleCount, double sum, double minimum,
                              double maximum, String unit) {
        write(key, timestamp, unit, a -> a.addStatistics(sampleCount, sum, minimum, maximum));
    }

    private void write(MetricKey key, Instant timestamp, String unit, java.util.function.Consumer<Aggregate> update) {
        long oldest = oldestKeptSecond();
        if (timestamp.getEpochSecond() < oldest) {
            return;
        }
        while (true) {
            Series s = series.computeIfAbsent(key, k -> new Series());
            synchronized (s) {
                if (s.removed) {
                    continue;
                }
                update.accept(s.buckets.computeIfAbsent(timestamp.getEpochSecond(), t -> new Aggregate()));
                if (unit != null && !unit.equals("None")) {
                    s.unit = unit;
                } else if (s.unit == null) {
                    s.unit = "None";
                }
                if (s.buckets.firstKey() < oldest) { // rarely true: a head view per write showed in profiles
                    s.buckets.headMap(oldest).clear();
                }
            }
            break;
        }
        if (puts.incrementAndGet() % SWEEP_EVERY_PUTS == 0) {
            sweep();
        }
    }

    /** The unit the metric's data was stored with, or empty when it has none or no data. */
    Optional<String> unit(MetricKey key) {
        Series s = series.get(key);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return Optional.ofNullable(s.unit);
        }
    }

    /** Metrics that still hold data inside the retention window, in a stable order. */
    public List<MetricKey> metrics() {
        sweep();
        List<MetricKey> keys = new ArrayList<>(series.keySet());
        keys.sort((a, b) -> a.sortKey().compareTo(b.sortKey()));
        return keys;
    }

    /**
     * The metric's data in [from, to) summed per period; keys are period starts (epoch seconds, aligned
     * to multiples of the period). With {@code unit} set, a metric stored under another unit has no data.
     */
    NavigableMap<Long, Aggregate> periods(MetricKey key, Instant from, Instant to, int periodSeconds, String unit) {
        TreeMap<Long, Aggregate> out = new TreeMap<>();
        Series s = series.get(key);
        if (s == null) {
            return out;
        }
        synchronized (s) {
            if (unit != null && s.unit != null && !unit.equals(s.unit)) {
                return out;
            }
            for (Map.Entry<Long, Aggregate> e : s.buckets.subMap(from.getEpochSecond(), true,
                    to.getEpochSecond(), false).entrySet()) {
                long periodStart = Math.floorDiv(e.getKey(), periodSeconds) * periodSeconds;
                out.computeIfAbsent(periodStart, p -> new Aggregate()).addAll(e.getValue());
            }
        }
        return out;
    }

    private long oldestKeptSecond() {
        return clock.instant().minus(retention).getEpochSecond();
    }

    private void sweep() {
        long oldest = oldestKeptSecond();
        series.entrySet().removeIf(e -> {
            Series s = e.getValue();
            synchronized (s) {
                s.buckets.headMap(oldest).clear();
                s.removed = s.buckets.isEmpty();
                return s.removed;
            }
        });
    }
}
