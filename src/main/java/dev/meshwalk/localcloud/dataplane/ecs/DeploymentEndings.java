package dev.meshwalk.localcloud.dataplane.ecs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a service's deployments end, kept apart from the reconciling that gets them there: steady (which also ends
 * the rollback it may have been), replaced by a newer one, failed, or rolled back to the revision it replaced (an
 * alarm, the circuit breaker, StopServiceDeployment). It writes the deployments' statuses and the service's events
 * in ECS's words; {@link EcsService} keeps which deployment is primary and moves its tasks and traffic.
 */
final class DeploymentEndings {

    private final String service;
    private final DeploymentHistory history;
    private final ServiceEvents events;
    private final TrafficSplit split;
    private final TaskEnvironment env;

    DeploymentEndings(String service, DeploymentHistory history, ServiceEvents events, TrafficSplit split,
            TaskEnvironment env) {
        this.service = service;
        this.history = history;
        this.events = events;
        this.split = split;
        this.env = env;
    }

    /** The deployment reached its steady state; a rollback in progress it carried out is then complete too. */
    void steady(Deployment current) {
        events.add("(service " + service + ") has reached a steady state.");
        current.finish(ServiceDeployment.Status.SUCCESSFUL, "Service deployment completed successfully.");
        current.stage("CLEAN_UP", null);
        history.all().stream().filter(d -> d.status == ServiceDeployment.Status.ROLLBACK_IN_PROGRESS).forEach(d -> {
            d.finish(ServiceDeployment.Status.ROLLBACK_SUCCESSFUL, d.statusReason);
            events.add("(service " + service + ") (deployment " + d.id + ") rollback completed.");
        });
        split.clear();
        current.steady.complete(null);
    }

    /** An unfinished deployment gave way to a newer one (an UpdateService while it ran). */
    void replaced(Deployment previous, Deployment next) {
        if (previous.steady.isDone()) {
            return;
        }
        previous.finish(ServiceDeployment.Status.STOPPED, "ECS deployment " + previous.id
                + " was replaced by a newer deployment (" + next.id + ").");
        previous.steady.completeExceptionally(new ServiceDeploymentException(
                "deployment " + previous.id + " was replaced by a newer one"));
    }

    /** The deployment cannot reach a steady state and has nothing to roll back to: it stops, failed. */
    void failed(Deployment current, String message) {
        events.add("(service " + service + ") deployment " + current.id + " failed: " + message);
        current.finish(ServiceDeployment.Status.STOPPED, message);
        current.steady.completeExceptionally(new ServiceDeploymentException(message));
    }

    /**
     * Why the deployment's alarms roll it back (with {@code Rollback: true}), naming those in ALARM; empty while none
     * fires. A rollback is not watched: the alarm that caused it usually still fires while it runs.
     */
    Optional<String> alarmsFiring(Deployment current) {
        if (current.steady.isDone() || current.internal || !current.config.rollsBackOnAlarm()) {
            return Optional.empty();
        }
        List<String> firing = env.alarms().inAlarm(current.config.alarmNames());
        if (firing.isEmpty()) {
            return Optional.empty();
        }
        current.triggeredAlarms = List.copyOf(firing);
        return Optional.of("CloudWatch alarm(s) " + String.join(", ", firing) + " in ALARM");
    }

    /** Why StopServiceDeployment cannot roll {@code arn} back, in ECS's words; empty when it can. */
    static Optional<String> notStoppable(Deployment current, String arn) {
        if (!current.arn.equals(arn)) {
            return Optional.of("The service deployment " + arn + " is not the service's deployment in progress; only"
                    + " that one can be stopped.");
        }
        if (current.steady.isDone() || current.status.isFinal()) {
            return Optional.of("The service deployment " + arn + " has already finished (" + current.status + ").");
        }
        return Optional.empty();
    }

    /**
     * Marks {@code failed} as rolling back and starts the rollback deployment to the revision it replaced, which the
     * service then makes primary. Empty when there is nothing to roll back to (a service's first deployment, or a
     * rollback itself), so the caller fails it instead.
     */
    Optional<Deployment> startRollback(Deployment failed, String why, DeploymentConfigSpec config) {
        TaskDefinition back = failed.sources.stream().filter(s -> s != failed.definition).reduce((a, b) -> b)
                .orElse(null);
        if (back == null || failed.internal) {
            return Optional.empty();
        }
        String reason = "ECS deployment " + failed.id + " failed: " + why + "; rolling back to " + back.arn() + ".";
        failed.status = ServiceDeployment.Status.ROLLBACK_IN_PROGRESS;
        failed.statusReason = reason;
        Deployment rollback = history.start(back, config, List.of(failed.definition), true);
        failed.rollback = new ServiceDeployment.Rollback(why, Instant.now(), rollback.revisionArn);
        failed.stage(failed.stage, null);
        events.add("(service " + service + ") " + reason);
        return Optional.of(rollback);
    }
}
