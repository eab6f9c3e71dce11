package dev.meshwalk.apps.common;

import io.opentelemetry.sdk.trace.SpanProcessor;
import java.time.Duration;

/**
 * How an app instance's finished spans leave it: the seam between what {@link Telemetry} records and the threads
 * that batch and send it. In a container each app has its own batch thread and OTLP client ({@link #STANDALONE});
 * the local cloud's in-process apps share one scheduler and one export pool ({@link SharedTelemetryExport}). Either
 * way each instance keeps its own resource (service name, ECS attributes): spans carry it, the exporter sends it.
 */
@FunctionalInterface
public interface TelemetryExport {

    /** The OpenTelemetry SDK's own batch processor and OTLP/HTTP exporter, one set per app instance. */
    TelemetryExport STANDALONE = new StandaloneTelemetryExport();

    /**
     * A processor that batches this instance's ended spans and sends them to {@code endpoint} (an OTLP/HTTP traces
     * URL) every {@code scheduleDelay}. Its {@code shutdown()} sends what is queued, waiting at most about twice
     * {@code exportTimeout}, and releases whatever threads belong to this instance alone.
     */
    SpanProcessor exportTo(String serviceName, String endpoint, Duration exportTimeout, Duration scheduleDelay);
}
