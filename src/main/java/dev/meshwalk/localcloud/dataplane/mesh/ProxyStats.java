package dev.meshwalk.localcloud.dataplane.mesh;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Envoy-style counters of one proxy, rendered like Envoy's admin {@code /stats} ({@code name: value}). */
public final class ProxyStats {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    void increment(String name) {
        counters.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    /** Counts a request and its response class under {@code prefix} ({@code http.ingress.downstream_rq_...}). */
    void countResponse(String prefix, int status) {
        increment(prefix + "_total");
        increment(prefix + "_" + (status / 100) + "xx");
        increment(prefix + "_" + status);
    }

    public long get(String name) {
        LongAdder counter = counters.get(name);
        return counter == null ? 0 : counter.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        snapshot().forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }
}
