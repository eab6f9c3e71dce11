package dev.meshwalk.apps.common;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One app instance's own export, as in its container: the SDK's {@link BatchSpanProcessor} (one thread) and an
 * OTLP/HTTP exporter whose requests run on a single, idle-timed thread named {@code <service>-otlp-export}. Its
 * shutdown waits for that thread to end, so a stopped app leaves no exporter thread behind.
 */
final class StandaloneTelemetryExport implements TelemetryExport {

    @Override
    public SpanProcessor exportTo(String serviceName, String endpoint, Duration exportTimeout, Duration scheduleDelay) {
        AtomicReference<Thread> latest = new AtomicReference<>();
        ThreadPoolExecutor exportThread = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(64), runnable -> {
                    Thread thread = new Thread(runnable, serviceName + "-otlp-export");
                    thread.setDaemon(true);
                    latest.set(thread);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        exportThread.allowCoreThreadTimeOut(true);
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint)
                .setTimeout(exportTimeout)
                .setConnectTimeout(exportTimeout)
                .setExecutorService(exportThread)
                .setMeterProvider(MeterProvider::noop)
                .build();
        SpanProcessor batches = BatchSpanProcessor.builder(exporter)
                .setScheduleDelay(scheduleDelay)
                .setExporterTimeout(exportTimeout)
                .setMeterProvider(MeterProvider::noop)
                .build();
        return new OwnThreads(batches, exportThread, latest, exportTimeout);
    }

    /** The batch processor, and on shutdown the export thread after it. */
    private static final class OwnThreads implements SpanProcessor {
        private final SpanProcessor batches;
        private final ThreadPoolExecutor exportThread;
        /** The pool's current thread (one at a time): its termination is reported before the thread has left run(). */
        private final AtomicReference<Thread> latest;
        private final Duration exportTimeout;

        OwnThreads(SpanProcessor batches, ThreadPoolExecutor exportThread, AtomicReference<Thread> latest,
                   Duration exportTimeout) {
            this.batches = batches;
            this.exportThread = exportThread;
            this.latest = latest;
            this.exportTimeout = exportTimeout;
        }

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
            batches.onStart(parentContext, span);
        }

        @Override
        public boolean isStartRequired() {
            return batches.isStartRequired();
        }

        @Override
        public void onEnd(ReadableSpan span) {
            batches.onEnd(span);
        }

        @Override
        public boolean isEndRequired() {
            return batches.isEndRequired();
        }

        @Override
        public CompletableResultCode forceFlush() {
            return batches.forceFlush();
        }

        @Override
        public CompletableResultCode shutdown() {
            CompletableResultCode sent = batches.shutdown().join(exportTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            exportThread.shutdown();
            try {
                if (!exportThread.awaitTermination(1, TimeUnit.SECONDS)) {
                    exportThread.shutdownNow();
                }
                Thread last = latest.get();
                if (last != null) {
                    last.join(1000);
                }
            } catch (InterruptedException interrupted) {
                exportThread.shutdownNow();
                Thread.currentThread().interrupt();
            }
            return sent;
        }
    }
}
