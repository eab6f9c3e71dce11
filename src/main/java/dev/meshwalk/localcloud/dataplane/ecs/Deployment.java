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
    final Instant createdAt;
    private int failedTasks;
    ServiceDeployment.Status status = ServiceDeployment.Status.IN_PROGRESS;
    String stage = "SCALE_UP";
    String statusReason = "ECS deployment in progress.";
    double targetTrafficPercent;
    Instant phaseEndsAt;
    Instant updatedAt;
    Instant finishedAt;
    ServiceDeployment.Rollback rollback;
    List<String> triggeredAlarms = List.of();

    Deployment(String id, String arn, String revisionArn, TaskDefinition definition, DeploymentConfigSpec config,
               List<TaskDefinition> sources, boolean internal) {
        this(id, arn, revisionArn, definition, config, sources, internal, Instant.now());
    }

    private Deployment(String id, String arn, String revisionArn, TaskDefinition definition,
                       DeploymentConfigSpec config, List<TaskDefinition> sources, boolean internal, Instant createdAt) {
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
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

    /** What a restart keeps of this deployment (docs/localcloud-state.md). */
    SavedDeployment saved() {
        return new SavedDeployment(id, arn, revisionArn, definition.arn(), config,
                sources.stream().map(TaskDefinition::arn).toList(), internal, status.name(), stage, statusReason,
                targetTrafficPercent, text(createdAt), text(updatedAt), text(finishedAt), text(phaseEndsAt),
                rollback == null ? null : rollback.reason(), rollback == null ? null : text(rollback.startedAt()),
                rollback == null ? null : rollback.serviceRevisionArn(), triggeredAlarms, failedTasks);
    }

    /**
     * A deployment a previous local cloud ran, back in a service's history. One that had not finished when that local
     * cloud stopped is ended as stopped, saying so: its tasks are gone, and the service's restart starts new ones.
     *
     * @param definitions task definition ARN -> the registered revision, or a stand-in for one no longer registered
     */
    static Deployment restored(SavedDeployment s, java.util.function.Function<String, TaskDefinition> definitions) {
        Deployment d = new Deployment(s.id(), s.arn(), s.revisionArn(), definitions.apply(s.taskDefinitionArn()),
                s.config(), s.sourceTaskDefinitionArns().stream().map(definitions).toList(), s.internal(),
                Instant.parse(s.createdAt()));
        d.status = ServiceDeployment.Status.valueOf(s.status());
        d.stage = s.stage();
        d.statusReason = s.statusReason();
        d.targetTrafficPercent = s.targetTrafficPercent();
        d.updatedAt = instant(s.updatedAt());
        d.finishedAt = instant(s.finishedAt());
        d.phaseEndsAt = instant(s.phaseEndsAt());
        d.rollback = s.rollbackReason() == null ? null : new ServiceDeployment.Rollback(s.rollbackReason(),
                instant(s.rollbackStartedAt()), s.rollbackRevisionArn());
        d.triggeredAlarms = s.triggeredAlarms();
        d.failedTasks = s.failedTasks();
        if (!d.status.isFinal()) {
            d.finish(ServiceDeployment.Status.STOPPED, "The local cloud stopped during this deployment ("
                    + s.status() + ", " + s.stage() + "); at its restart the service started new tasks of "
                    + "its current task definition.");
        }
        d.steady.complete(null);
        return d;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(String t) {
        return t == null ? null : Instant.parse(t);
    }
}
