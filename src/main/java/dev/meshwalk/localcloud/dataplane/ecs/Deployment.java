package dev.meshwalk.localcloud.dataplane.ecs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One rollout of a task definition by an {@link EcsService}: its id ({@code ecs-svc/<digits>}) and service
 * deployment ARN, the configuration it runs with, where it is in its lifecycle (status, stage, the target
 * revision's share of traffic, when the current bake ends), the future that completes at steady state or fails
 * with the reason, and the deployment circuit breaker that decides when to give up. Changed only under the
 * service's lock; {@link #snapshot} gives the API's view.
 */
final class Deployment {

    /**
     * Failed tasks after which an enabled circuit breaker fails the deployment, by ECS's rule: half the desired
     * count (rounded up), at least 3 and at most 200. A service of 3 tasks gives up after 3 failed tasks.
     */
    static int failureThreshold(int desiredCount) {
        return Math.max(3, Math.min(200, (desiredCount + 1) / 2));
    }

    final String id;
    final String arn;
    final String revisionArn;
    final TaskDefinition definition;
    final DeploymentConfigSpec config;
    /** Task definitions of the tasks running when it started and that it replaces. */
    final List<TaskDefinition> sources;
    /** A rollback ECS started itself: not listed as a service deployment of its own. */
    final boolean internal;
    final CompletableFuture<Void> steady = new CompletableFuture<>();
    final Instant createdAt = Instant.now();
    private int failedTasks;
    ServiceDeployment.Status status = ServiceDeployment.Status.IN_PROGRESS;
    String stage = "SCALE_UP";
    String statusReason = "ECS deployment in progress.";
    double targetTrafficPercent;
    Instant phaseEndsAt;
    Instant updatedAt = createdAt;
    Instant finishedAt;
    ServiceDeployment.Rollback rollback;
    List<String> triggeredAlarms = List.of();

    Deployment(String id, String arn, String revisionArn, TaskDefinition definition, DeploymentConfigSpec config,
               List<TaskDefinition> sources, boolean internal) {
        this.id = id;
        this.arn = arn;
        this.revisionArn = revisionArn;
        this.definition = definition;
        this.config = config;
        this.sources = List.copyOf(sources);
        this.internal = internal;
        this.targetTrafficPercent = sources.isEmpty() ? 100 : 0;
    }

    /** True for a canary that really has an old revision to shift traffic away from. */
    boolean isCanary() {
        return config.strategy() == DeploymentConfigSpec.Strategy.CANARY
                && sources.stream().anyMatch(s -> s != definition);
    }

    /** Counts a task of this deployment that stopped because something failed. */
    void taskFailed() {
        failedTasks++;
    }

    int failedTasks() {
        return failedTasks;
    }

    /** Moves to a stage; {@code endsAt} is when its bake ends (null when it has none). */
    void stage(String newStage, Instant endsAt) {
        stage = newStage;
        phaseEndsAt = endsAt;
        updatedAt = Instant.now();
    }

    /** Ends the deployment in a final state. */
    void finish(ServiceDeployment.Status finalStatus, String reason) {
        status = finalStatus;
        statusReason = reason;
        phaseEndsAt = null;
        finishedAt = Instant.now();
        updatedAt = finishedAt;
    }

    /**
     * Why this deployment cannot reach a steady state now that a task failed for {@code reason}: an image no
     * program runs locally fails at once (no retry could start it); anything else once an enabled circuit breaker
     * counted {@link #failureThreshold} failed tasks. Without a circuit breaker ECS keeps launching tasks, and so does
     * the local cloud (CloudFormation's wait then ends at its timeout). Empty while it can still succeed.
     */
    Optional<String> hopeless(String reason, int desiredCount) {
        if (steady.isDone()) {
            return Optional.empty();
        }
        if (reason != null && reason.startsWith("CannotPullContainerError")) {
            return Optional.of(reason);
        }
        if (config.circuitBreakerEnable() && failedTasks >= failureThreshold(desiredCount)) {
            return Optional.of("ECS deployment circuit breaker: " + failedTasks
                    + " tasks failed to start. Last reason: " + reason);
        }
        return Optional.empty();
    }
}
