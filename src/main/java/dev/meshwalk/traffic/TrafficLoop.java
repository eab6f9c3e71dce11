package dev.meshwalk.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The seed's {@code while curl $FRONT_ENDPOINT/color; sleep 0.5}: one request at a time on its own named
 * thread, the interval adjustable while it runs, bounded by a count or running until {@link #stop()}. Each
 * answer goes to the listener as it arrives and into {@link #stats()}.
 */
public final class TrafficLoop implements AutoCloseable {

    private final FrontClient client;
    private final long maxRequests;
    private final Consumer<TrafficEvent> listener;
    private final TrafficStats stats = new TrafficStats();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Duration interval;
    private volatile boolean stopping;
    private Thread thread;

    /**
     * @param maxRequests how many requests to send; 0 means until stopped
     * @param listener    called on the loop's thread for every answer; must be quick (post a message, print a line)
     */
    public TrafficLoop(FrontClient client, Duration interval, long maxRequests, Consumer<TrafficEvent> listener) {
        this.client = Objects.requireNonNull(client);
        this.interval = requirePositive(interval);
        this.maxRequests = maxRequests;
        this.listener = Objects.requireNonNull(listener);
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the traffic loop runs already");
        }
        thread = new Thread(this::run, "meshwalk-traffic-loop-" + client.endpoint().getAuthority());
        thread.setDaemon(true);
        thread.start();
    }

    /** Changes the pause between requests; takes effect after the current pause. */
    public void setInterval(Duration newInterval) {
        this.interval = requirePositive(newInterval);
    }

    public Duration interval() {
        return interval;
    }

    public TrafficStats stats() {
        return stats;
    }

    public TrafficSummary summary() {
        return stats.snapshot(Instant.now());
    }

    /** Asks the loop to stop after the request in flight; returns at once. */
    public void stop() {
        stopping = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Waits until the loop has sent its count or was stopped; false if {@code limit} passed first. */
    public boolean awaitFinished(Duration limit) throws InterruptedException {
        return finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            for (long n = 1; !stopping && (maxRequests == 0 || n <= maxRequests); n++) {
                TrafficEvent event = client.getColor(n);
                if (stopping && Thread.interrupted()) {
                    break;
                }
                stats.record(event);
                listener.accept(event);
                if (maxRequests != 0 && n == maxRequests) {
                    break;
                }
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    break;
                }
            }
        } finally {
            finished.countDown();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            awaitFinished(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration requirePositive(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("the interval must be zero or more");
        }
        return d;
    }
}
