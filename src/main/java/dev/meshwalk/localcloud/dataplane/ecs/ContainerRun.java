package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.concurrent.ScheduledFuture;

/**
 * One started container of a task and what its health checks have seen so far. The probe runs on the shared
 * scheduler and the reconciler reads the result, hence the volatile fields.
 */
final class ContainerRun {

    final ContainerSpec spec;
    final ContainerKind kind;
    final RunningContainer running;
    final long startedAt = System.nanoTime();
    volatile Health health = Health.UNKNOWN;
    volatile int failures;
    volatile boolean probing;
    volatile String lastProbe;
    volatile ScheduledFuture<?> check;

    ContainerRun(ContainerSpec spec, ContainerKind kind, RunningContainer running) {
        this.spec = spec;
        this.kind = kind;
        this.running = running;
    }

    /** Stops the health check and the container's program; never throws, so the task's other containers stop too. */
    void stop() {
        if (check != null) {
            check.cancel(false);
        }
        try {
            running.close();
        } catch (RuntimeException ignored) {
            // stopping anyway; one container's failure to close must not keep the others running
        }
    }
}
