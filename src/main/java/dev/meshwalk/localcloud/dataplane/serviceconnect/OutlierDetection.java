package dev.meshwalk.localcloud.dataplane.serviceconnect;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Passive health checking, as Service Connect's Envoy does it: an endpoint that fails {@value #CONSECUTIVE_FAILURES}
 * times in a row (connection failure or 5xx) is ejected from this proxy's balancing for the ejection time, then
 * tried again. Each proxy keeps its own view, as each Envoy does. At most half of a service's endpoints are ejected
 * at once, so a service-wide failure is still answered (and seen) rather than hidden behind "no endpoint".
 */
final class OutlierDetection {

    static final int CONSECUTIVE_FAILURES = 5;

    private final Duration ejectionTime;
    private final LongSupplier nanoClock;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> ejectedUntil = new ConcurrentHashMap<>();

    OutlierDetection(Duration ejectionTime, LongSupplier nanoClock) {
        this.ejectionTime = ejectionTime;
        this.nanoClock = nanoClock;
    }

    boolean isEjected(String endpoint) {
        Long until = ejectedUntil.get(endpoint);
        if (until == null) {
            return false;
        }
        if (nanoClock.getAsLong() - until >= 0) {
            ejectedUntil.remove(endpoint, until);
            return false;
        }
        return true;
    }

    /**
     * Records one answer (or connection failure) of an endpoint.
     *
     * @param ejectedNow endpoints of the same service already ejected, to cap ejection at half of {@code total}
     */
    void record(String endpoint, boolean failed, long ejectedNow, int total) {
        if (!failed) {
            failures.remove(endpoint);
            return;
        }
        int count = failures.merge(endpoint, 1, Integer::sum);
        if (count >= CONSECUTIVE_FAILURES && (ejectedNow + 1) * 2 <= total) {
            failures.remove(endpoint);
            ejectedUntil.put(endpoint, nanoClock.getAsLong() + ejectionTime.toNanos());
        }
    }

    int ejectedCount() {
        return (int) ejectedUntil.keySet().stream().filter(this::isEjected).count();
    }
}
