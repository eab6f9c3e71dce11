package dev.meshwalk.localcloud.dataplane.telemetry;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counters the intake keeps so a user (or a test) can see what arrived and what was refused, and why,
 * without reading logs.
 */
public final class IntakeStatistics {

    final AtomicLong spansReceived = new AtomicLong();
    final AtomicLong segmentsAccepted = new AtomicLong();
    final AtomicLong segmentsRejected = new AtomicLong();
    final AtomicLong datagramsReceived = new AtomicLong();
    final AtomicLong statsdLinesRejected = new AtomicLong();
    final AtomicLong metricsPublished = new AtomicLong();
    final AtomicLong observationsDropped = new AtomicLong();
    final AtomicReference<String> lastProblem = new AtomicReference<>();

    public long spansReceived() {
        return spansReceived.get();
    }

    /** Segment documents (from UDP or translated spans) the segment sink took. */
    public long segmentsAccepted() {
        return segmentsAccepted.get();
    }

    public long segmentsRejected() {
        return segmentsRejected.get();
    }

    public long datagramsReceived() {
        return datagramsReceived.get();
    }

    public long statsdLinesRejected() {
        return statsdLinesRejected.get();
    }

    public long metricsPublished() {
        return metricsPublished.get();
    }

    /** Data-plane requests whose telemetry was dropped because the {@link TelemetryRelay} was too far behind. */
    public long observationsDropped() {
        return observationsDropped.get();
    }

    /** The most recent reason something was refused, or null. */
    public String lastProblem() {
        return lastProblem.get();
    }

    void problem(String message) {
        lastProblem.set(message);
    }
}
