package dev.meshwalk.apps.common;

import java.util.concurrent.TimeUnit;

/**
 * Counts the requests a server is handling, so that stopping it can wait for exactly those (up to a grace time)
 * instead of cutting them off or sleeping blindly. Shared by the standalone {@link AppServer} and the local cloud's
 * in-process app host, which stop the same way.
 */
public final class InFlightRequests {

    private int active;

    /** A request began. */
    public synchronized void started() {
        active++;
    }

    /** A request ended, however it ended. */
    public synchronized void ended() {
        active--;
        if (active == 0) {
            notifyAll();
        }
    }

    /** Returns once no request runs, or after {@code graceMillis}, or when interrupted (the flag stays set). */
    public synchronized void awaitIdle(long graceMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        try {
            while (active > 0) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return;
                }
                wait(remaining);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
