package dev.meshwalk.localcloud.dataplane.telemetry;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Translates an export's spans into segment documents and has the sink check them ({@link SegmentSink#check})
 * while the receiving thread stores the checked ones, strictly in span order.
 *
 * <p>Why: an exporter sends one batch and waits for the answer, so one batch's work is the whole intake rate,
 * and the machine has a second core. Translating and checking (parsing the document again, as every segment
 * is) are most of the work and touch no shared state; storing is the small ordered part. A helper thread
 * translates and checks ahead while the receiving thread stores; the receiving thread also takes whatever the
 * helper has not claimed, so a busy or absent helper only costs the overlap. Documents are stored in the same
 * order, on the same thread, with the same refusals as without the helper.
 *
 * <p>The helper exists only while there is work, and for 30 s after: an idle intake has no extra thread.
 */
final class OrderedTranslation implements AutoCloseable {

    /** Below this many spans the hand-off costs more than it saves. */
    private static final int MIN_SPANS_FOR_HELP = 16;

    /** What translating and checking one span gave: the checked document, or the refusal with its reason. */
    record Result(SegmentSink.Checked checked, RuntimeException refusal) {
    }

    /** An error (not a refusal) on the helper, carried to the receiving thread and thrown there. */
    private record Failure(Error error) {
    }

    private final SpanToSegment translator;
    private final SegmentSink sink;
    private final ExecutorService helper;

    OrderedTranslation(SpanToSegment translator, SegmentSink sink) {
        this.translator = translator;
        this.sink = sink;
        AtomicInteger n = new AtomicInteger();
        this.helper = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "telemetry-otlp-translate-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Translates and checks every span and passes each result to {@code deliver} on this thread, in span order. */
    void translate(List<OtlpSpan> spans, Consumer<Result> deliver) {
        Batch batch = new Batch(spans);
        if (spans.size() >= MIN_SPANS_FOR_HELP) {
            try {
                helper.execute(batch::help);
            } catch (RejectedExecutionException busyOrClosed) {
                // The helper serves another export (or the intake is closing): this thread does it all.
            }
        }
        try {
            for (int i = 0; i < spans.size(); i++) {
                deliver.accept(batch.await(i));
            }
        } finally {
            batch.abandoned = true;
        }
    }

    private final class Batch {
        private final List<OtlpSpan> spans;
        /** {@link Result}s, or a {@link Failure}. */
        private final AtomicReferenceArray<Object> results;
        /** The next span nobody has claimed yet. */
        private final AtomicInteger next = new AtomicInteger();
        private volatile boolean abandoned;

        Batch(List<OtlpSpan> spans) {
            this.spans = spans;
            this.results = new AtomicReferenceArray<>(spans.size());
        }

        /** The helper's loop: claim the next span, translate it, publish it. */
        void help() {
            int i;
            while (!abandoned && (i = next.getAndIncrement()) < spans.size()) {
                try {
                    results.set(i, translateOne(spans.get(i)));
                } catch (Error e) {
                    results.set(i, new Failure(e));
                    return;
                }
            }
        }

        /** Span {@code i}'s result, translating unclaimed spans here rather than waiting idle. */
        Result await(int i) {
            Object r;
            int spins = 0;
            while ((r = results.get(i)) == null) {
                int claimed = next.getAndIncrement();
                if (claimed < spans.size()) {
                    results.set(claimed, translateOne(spans.get(claimed)));
                } else if (++spins < 64) {
                    // The helper is translating span i right now: a few microseconds.
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            if (r instanceof Failure failure) {
                throw failure.error();
            }
            return (Result) r;
        }
    }

    private Result translateOne(OtlpSpan span) {
        try {
            return new Result(sink.check(translator.translate(span)), null);
        } catch (RuntimeException e) {
            return new Result(null, e);
        }
    }

    @Override
    public void close() {
        helper.shutdownNow();
        try {
            helper.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
