package dev.meshwalk.localcloud.dataplane.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates statsd samples between flushes as the CloudWatch agent does: counters are summed (scaled
 * by their sample rate), gauges keep their last value, timers and histograms keep each value (bounded
 * per flush) so CloudWatch can compute percentiles. A flush hands everything to the {@link MetricSink}.
 *
 * <p>Confined to the intake's UDP thread: no locking.
 */
final class StatsdAggregator {

    /** At most this many timer values per metric between two flushes; the rest are counted as dropped. */
    static final int MAX_VALUES_PER_FLUSH = 2_000;

    private record Key(String name, Map<String, String> dimensions) {
    }

    private final String namespace;
    private final Map<String, String> fixedDimensions;
    private final Map<Key, Double> counters = new LinkedHashMap<>();
    private final Map<Key, Double> gauges = new LinkedHashMap<>();
    private final Map<Key, Double> lastGauge = new HashMap<>();
    private final Map<Key, List<Double>> timers = new LinkedHashMap<>();
    private long droppedValues;

    StatsdAggregator(String namespace, Map<String, String> fixedDimensions) {
        this.namespace = namespace;
        this.fixedDimensions = Map.copyOf(fixedDimensions);
    }

    void add(StatsdSample s) {
        Map<String, String> dims = new TreeMap<>(s.tags());
        dims.putAll(fixedDimensions);
        Key key = new Key(s.name(), dims);
        switch (s.type()) {
            case "c" -> counters.merge(key, s.value() / s.sampleRate(), Double::sum);
            case "g" -> {
                double base = s.gaugeDelta() ? gauges.getOrDefault(key, lastGauge.getOrDefault(key, 0.0)) : 0;
                gauges.put(key, base + s.value());
            }
            default -> {
                List<Double> values = timers.computeIfAbsent(key, k -> new ArrayList<>());
                if (values.size() < MAX_VALUES_PER_FLUSH) {
                    values.add(s.value());
                } else {
                    droppedValues++;
                }
            }
        }
    }

    /** Publishes and clears everything gathered since the last flush; returns how many data points went out. */
    int flush(MetricSink sink, Instant now) {
        int published = 0;
        for (Map.Entry<Key, Double> e : counters.entrySet()) {
            sink.put(namespace, e.getKey().name(), e.getKey().dimensions(), e.getValue(), "Count", now);
            published++;
        }
        for (Map.Entry<Key, Double> e : gauges.entrySet()) {
            sink.put(namespace, e.getKey().name(), e.getKey().dimensions(), e.getValue(), "None", now);
            lastGauge.put(e.getKey(), e.getValue());
            published++;
        }
        for (Map.Entry<Key, List<Double>> e : timers.entrySet()) {
            for (double v : e.getValue()) {
                sink.put(namespace, e.getKey().name(), e.getKey().dimensions(), v, "Milliseconds", now);
                published++;
            }
        }
        counters.clear();
        gauges.clear();
        timers.clear();
        return published;
    }

    boolean isEmpty() {
        return counters.isEmpty() && gauges.isEmpty() && timers.isEmpty();
    }

    long droppedValues() {
        return droppedValues;
    }
}
