package dev.meshwalk.localcloud.dataplane.ecs;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One started container of a task and what its health checks have seen so far. The probe runs on the shared
 * scheduler and the reconciler reads the result, hence the volatile fields. Stopping follows {@code docker stop} as
 * ECS issues it: the stop signal, the container's stop timeout, then a forced kill; the exit code is kept for
 * {@code DescribeTasks}.
 */
final class ContainerRun {

    /** What a container killed with SIGKILL exits with (128 + 9), as Docker reports it. */
    static final int KILLED_EXIT_CODE = 137;
    /** How long a killed program gets to let go of what it holds before the task moves on without it. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(2);

    final ContainerSpec spec;
    final ContainerKind kind;
    final RunningContainer running;
    final long startedAt = System.nanoTime();
    volatile Health health = Health.UNKNOWN;
    volatile int failures;
    volatile boolean probing;
    volatile String lastProbe;
    volatile ScheduledFuture<?> check;
    private volatile Integer exitCode;
    private volatile boolean killed;

    ContainerRun(ContainerSpec spec, ContainerKind kind, RunningContainer running) {
        this.spec = spec;
        this.kind = kind;
        this.running = running;
    }

    /**
     * Stops the health check, then the program: {@link RunningContainer#close()} (the stop signal) on a thread of its
     * own, waited for up to {@code stopTimeout}; a program still running then is killed ({@link RunningContainer#kill()}
     * and an interrupt of that thread) and exits 137. Never throws, so the task's other containers stop too.
     *
     * @param threadName names the short-lived stopping thread after the task and container, for thread dumps
     */
    void stop(Duration stopTimeout, String threadName) {
        if (check != null) {
            check.cancel(false);
        }
        boolean wasRunning = running.isAlive();
        Thread stopper = new Thread(this::closeQuietly, threadName);
        stopper.setDaemon(true);
        stopper.start();
        if (!join(stopper, stopTimeout)) {
            killed = true;
            try {
                running.kill();
            } catch (RuntimeException ignored) {
                // killing anyway: the interrupt below still ends an in-process program's waits
            }
            stopper.interrupt();
            join(stopper, AFTER_KILL);
        }
        OptionalInt code = running.exitCode();
        exitCode = killed ? Integer.valueOf(KILLED_EXIT_CODE) : code.isPresent() ? Integer.valueOf(code.getAsInt())
                : wasRunning ? Integer.valueOf(0) : null;
    }

    /** The exit code once stopped (null while running, or when it stopped on its own and its program knows none). */
    Integer exitCode() {
        return exitCode;
    }

    /** True when it outlived its stop timeout and was killed. */
    boolean killed() {
        return killed;
    }

    private void closeQuietly() {
        try {
            running.close();
        } catch (RuntimeException ignored) {
            // stopping anyway; one container's failure to close must not keep the others running
        }
    }

    private static boolean join(Thread thread, Duration limit) {
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(limit.toNanos())));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
