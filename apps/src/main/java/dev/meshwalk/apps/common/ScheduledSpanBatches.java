package dev.meshwalk.apps.common;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A batch span processor without a thread of its own: one app instance's ended spans wait in a bounded queue and a
 * scheduler shared by every in-process app hands them to this instance's exporter every schedule delay. The SDK's
 * {@code BatchSpanProcessor} starts a worker thread per instance, nine of them for chapter 3's tasks.
 *
 * <p>Like that processor it keeps only sampled spans, drops new ones while the queue is full rather than block a
 * request, and sends in batches of at most {@value #MAX_BATCH}. A round that finds the previous export still running
 * skips, so a slow agent never piles up requests; the queue bounds what waits.
 */
final class ScheduledSpanBatches implements SpanProcessor {
    static final int MAX_QUEUE = 2048;
    static final int MAX_BATCH = 512;

    private final SpanExporter exporter;
    private final Duration exportTimeout;
    private final BlockingQueue<SpanData> queue = new ArrayBlockingQueue<>(MAX_QUEUE);
    private final AtomicReference<CompletableResultCode> lastExport =
            new AtomicReference<>(CompletableResultCode.ofSuccess());
    private final ScheduledFuture<?> rounds;

    ScheduledSpanBatches(SpanExporter exporter, ScheduledExecutorService scheduler, Duration scheduleDelay,
                         Duration exportTimeout) {
        this.exporter = exporter;
        this.exportTimeout = exportTimeout;
        long delay = scheduleDelay.toMillis();
        this.rounds = scheduler.scheduleWithFixedDelay(this::exportRound, delay, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (span.getSpanContext().isSampled()) {
            queue.offer(span.toSpanData());
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    private void exportRound() {
        try {
            if (lastExport.get().isDone() && !queue.isEmpty()) {
                lastExport.set(exportQueued());
            }
        } catch (RuntimeException unexpected) {
            // a periodic task that throws is never run again; this instance's spans would silently stop
            System.err.println("span export failed: " + unexpected);
        }
    }

    /** Hands everything queued to the exporter, in batches; the result completes when all batches are answered. */
    private CompletableResultCode exportQueued() {
        List<CompletableResultCode> sent = new ArrayList<>();
        while (!queue.isEmpty()) {
            List<SpanData> batch = new ArrayList<>(Math.min(MAX_BATCH, queue.size()));
            queue.drainTo(batch, MAX_BATCH);
            if (!batch.isEmpty()) {
                sent.add(exporter.export(batch));
            }
        }
        return CompletableResultCode.ofAll(sent);
    }

    @Override
    public CompletableResultCode forceFlush() {
        return exportQueued();
    }

    /** Stops the rounds, sends what is queued (waiting at most twice the export timeout), then the exporter. */
    @Override
    public CompletableResultCode shutdown() {
        rounds.cancel(false);
        CompletableResultCode sent = exportQueued();
        sent.join(exportTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        CompletableResultCode stopped = exporter.shutdown();
        return CompletableResultCode.ofAll(List.of(sent, stopped));
    }
}
