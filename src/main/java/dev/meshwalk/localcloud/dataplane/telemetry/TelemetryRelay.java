package dev.meshwalk.localcloud.dataplane.telemetry;

import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerTelemetry;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnectTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Carries the data plane's per-request telemetry (mesh proxy segments and metrics, load balancer and Service
 * Connect metrics) from the event loop that forwards a request to one thread of the intake,
 * {@code telemetry-relay}, which builds and stores it. Envoy works the same way: its tracer and statsd sink only
 * send datagrams, and the X-Ray daemon and CloudWatch agent, other processes, parse and store them. Done on the
 * loop, the three segments and eighteen data points of one chapter-2 request took a quarter of the data plane's
 * CPU samples and queued every other request behind them on the two loop threads
 * ({@code docs/benchmarks/dataplane.md}).
 *
 * <p>Never blocks a request: when the thread is {@link #CAPACITY} observations behind, new ones are dropped and
 * counted ({@link IntakeStatistics#observationsDropped()}), as a daemon drops datagrams when its buffer is full.
 * {@link #close()} delivers what is queued, then ends the thread.
 */
public final class TelemetryRelay implements AutoCloseable {

    /** Observations waiting at most; about a second of a busy chapter 3 at a few thousand requests per second. */
    static final int CAPACITY = 65_536;
    private static final int BATCH = 256;
    private static final Runnable STOP = () -> { };

    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final IntakeStatistics stats;
    private final Thread thread;
    private volatile boolean closing;

    TelemetryRelay(IntakeStatistics stats) {
        this.stats = stats;
        this.thread = new Thread(this::run, "telemetry-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code target}, called on the relay's thread. */
    public ProxyTelemetry proxies(ProxyTelemetry target) {
        return observed -> offer(() -> target.requestObserved(observed));
    }

    /** {@code target}, called on the relay's thread. */
    public LoadBalancerTelemetry loadBalancers(LoadBalancerTelemetry target) {
        return served -> offer(() -> target.requestServed(served));
    }

    /** {@code target}, called on the relay's thread. */
    public ServiceConnectTelemetry serviceConnect(ServiceConnectTelemetry target) {
        return served -> offer(() -> target.requestServed(served));
    }

    private void offer(Runnable delivery) {
        if (closing || !queue.offer(delivery)) {
            stats.observationsDropped.incrementAndGet();
        }
    }

    private void run() {
        List<Runnable> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                for (Runnable delivery : batch) {
                    if (delivery == STOP) {
                        return;
                    }
                    deliver(delivery);
                }
                batch.clear();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException failure) {
            stats.problem("telemetry delivery failed: " + failure);
        }
    }

    /** Delivers what is queued (up to two seconds), then ends the thread. */
    @Override
    public void close() {
        closing = true;
        try {
            if (!queue.offer(STOP, 1, TimeUnit.SECONDS)) {
                thread.interrupt();
            }
            thread.join(TimeUnit.SECONDS.toMillis(2));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException interrupted) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
