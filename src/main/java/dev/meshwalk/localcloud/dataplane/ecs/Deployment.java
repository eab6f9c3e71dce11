package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One rollout of a task definition by an {@link EcsService}: its id ({@code ecs-svc/<digits>}), the future that
 * completes at steady state or fails with the reason, and the deployment circuit breaker that decides when to
 * give up. Changed only under the service's lock.
 */
final class Deployment {

    /** Failed tasks after which the circuit breaker fails the deployment (ECS's threshold for small services). */
    private static final int CIRCUIT_BREAKER_FAILURES = 3;

    final String id;
    final TaskDefinition definition;
    final CompletableFuture<Void> steady = new CompletableFuture<>();
    private int failedTasks;

    Deployment(String id, TaskDefinition definition) {
        this.id = id;
        this.definition = definition;
    }

    /** Counts a task of this deployment that stopped because something failed. */
    void taskFailed() {
        failedTasks++;
    }

    /**
     * Why this deployment cannot reach a steady state now that a task failed for {@code reason}: an image no
     * program runs fails at once, anything else once the circuit breaker tripped. Empty while it can still succeed.
     */
    Optional<String> hopeless(String reason) {
        if (steady.isDone()) {
            return Optional.empty();
        }
        if (reason != null && reason.startsWith("CannotPullContainerError")) {
            return Optional.of(reason);
        }
        if (failedTasks >= CIRCUIT_BREAKER_FAILURES) {
            return Optional.of("ECS deployment circuit breaker: " + failedTasks
                    + " tasks failed to start. Last reason: " + reason);
        }
        return Optional.empty();
    }
}
