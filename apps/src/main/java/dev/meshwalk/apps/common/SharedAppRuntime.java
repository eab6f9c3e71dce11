package dev.meshwalk.apps.common;

import com.sun.net.httpserver.HttpHandler;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every app instance in one JVM shares: how the local cloud runs chapter 3's nine tasks without nine
 * sets of worker pools, OTLP clients and batch threads (about 125 threads before, measured in
 * {@code docs/benchmarks/dataplane.md}). Each app still gets its own JDK server (its own address, port and
 * dispatcher), its own OpenTelemetry SDK and resource (service name, ECS task), and its own exporter; only the
 * threads are shared:
 *
 * <ul>
 *   <li><b>requests</b> ({@code apps-http-N}): a pool with no core threads that grows one thread per request
 *       in flight, up to {@value #MAX_REQUEST_THREADS}, and lets each go after {@value #IDLE_SECONDS} s idle. It must
 *       grow: front blocks on its call to color while it serves a request, and color's answer needs a thread from
 *       this same pool. A fixed small pool deadlocks as soon as every thread is a front waiting for a color that
 *       cannot be scheduled. With a hand-off queue there is no waiting line inside the pool, and past the bound the
 *       app's own server dispatcher runs the request ({@code CallerRunsPolicy}); each app has its own dispatcher,
 *       so a waiting front never blocks the color it waits for. The short idle time returns a burst's threads.</li>
 *   <li><b>span batches</b> ({@code apps-telemetry-batches}): one scheduler thread sends every instance's queue in
 *       turn ({@link ScheduledSpanBatches}); it ends when no app is running.</li>
 *   <li><b>span export</b> ({@code apps-otlp-export-N}): the exporters' HTTP requests
 *       ({@link UrlConnectionOtlpSender}), on a pool that grows and shrinks like the request pool.</li>
 * </ul>
 *
 * <p>Every thread is a daemon and times out when idle, so a runtime nobody closes (the local cloud's process-wide
 * one, {@link #inProcess()}) holds no thread a few seconds after its last app stopped; {@link #close()} ends them at
 * once.
 */
public final class SharedAppRuntime implements AppRuntime, AppHost, TelemetryExport, AutoCloseable {
    static final int MAX_REQUEST_THREADS = 256;
    static final int MAX_EXPORT_THREADS = 8;
    static final long IDLE_SECONDS = 3;

    private static final SharedAppRuntime IN_PROCESS = new SharedAppRuntime();

    private final ThreadPoolExecutor requests;
    private final ThreadPoolExecutor exports;
    private final ScheduledThreadPoolExecutor batches;
    private final HttpSenderProvider senders;
    private volatile boolean closed;

    public SharedAppRuntime() {
        requests = growing("apps-http-", MAX_REQUEST_THREADS);
        exports = growing("apps-otlp-export-", MAX_EXPORT_THREADS);
        batches = new ScheduledThreadPoolExecutor(1, named("apps-telemetry-batches-"));
        batches.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        batches.allowCoreThreadTimeOut(true);
        batches.setRemoveOnCancelPolicy(true);
        senders = UrlConnectionOtlpSender.provider(exports);
    }

    /** The one runtime of this JVM's in-process apps (the local cloud's); it is never closed, its threads idle out. */
    public static SharedAppRuntime inProcess() {
        return IN_PROCESS;
    }

    private static ThreadPoolExecutor growing(String prefix, int maxThreads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, maxThreads, IDLE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), named(prefix), new ThreadPoolExecutor.CallerRunsPolicy());
        return pool;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public AppHost host() {
        return this;
    }

    @Override
    public TelemetryExport export() {
        return this;
    }

    /**
     * The shared request pool, for a host other than the JDK server (the local cloud's event loop) that hands the
     * apps' blocking handlers off its own threads.
     */
    public Executor requestThreads() {
        return requests;
    }

    @Override
    public Serving serve(String appName, InetAddress address, int port, HttpHandler handler) {
        requireOpen();
        return AppServer.startOn(requests, appName, address, port, handler);
    }

    @Override
    public SpanProcessor exportTo(String serviceName, String endpoint, Duration exportTimeout, Duration scheduleDelay) {
        requireOpen();
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint)
                .setTimeout(exportTimeout)
                .setConnectTimeout(exportTimeout)
                .setComponentLoader(new SharedSenders(senders))
                .setMeterProvider(MeterProvider::noop)
                .build();
        return new ScheduledSpanBatches(exporter, batches, scheduleDelay, exportTimeout);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this app runtime is closed");
        }
    }

    /**
     * Ends every shared thread (waiting up to 2 s for requests and exports in flight). Apps still served by it stop
     * answering, so close them first.
     */
    @Override
    public void close() {
        closed = true;
        for (ExecutorService pool : List.of(requests, batches, exports)) {
            pool.shutdown();
        }
        for (ExecutorService pool : List.of(requests, batches, exports)) {
            try {
                if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Gives the OTLP exporter the shared sender instead of the HTTP client it would find on the class path. */
    private static final class SharedSenders implements ComponentLoader {
        private final HttpSenderProvider senders;
        private final ComponentLoader classPath = ComponentLoader.forClassLoader(SharedAppRuntime.class.getClassLoader());

        SharedSenders(HttpSenderProvider senders) {
            this.senders = senders;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Iterable<T> load(Class<T> type) {
            if (type == HttpSenderProvider.class) {
                return List.of((T) senders);
            }
            return classPath.load(type);
        }
    }
}
