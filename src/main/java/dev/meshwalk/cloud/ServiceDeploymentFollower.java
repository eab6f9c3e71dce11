package dev.meshwalk.cloud;

import dev.meshwalk.facts.EcsDeployment;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;

/**
 * While CloudFormation waits on an ECS service (chapter 5's canary can keep it busy for the whole bake time), reads
 * that service's deployment with {@code ListServiceDeployments} / {@code DescribeServiceDeployments} and reports each
 * change as a {@link DeployEvent.ServiceDeploymentChanged}, so the learner sees the phases CloudFormation does not
 * show. Only deployments worth watching are reported: a phased strategy (canary, linear, blue/green) or one an alarm
 * can roll back; an ordinary rolling update is CloudFormation's own progress.
 *
 * <p>A deployment that had already ended when the service was first seen belongs to an earlier update and is left
 * out. One that has not ended is followed to its end, even after CloudFormation's resource completed. If the target
 * does not answer these calls (no permission, an endpoint without the ECS API) the deploy goes on with one notice.
 */
final class ServiceDeploymentFollower {

    private static final String SERVICE_TYPE = "AWS::ECS::Service";

    private final EcsClient ecs;
    private final CloudWatchClient cloudWatch;
    private final OptionalDouble timeScale;
    private final Supplier<Instant> clock;
    private final Map<String, Followed> followed = new LinkedHashMap<>();
    private boolean unavailable;

    ServiceDeploymentFollower(EcsClient ecs, CloudWatchClient cloudWatch, OptionalDouble timeScale, Supplier<Instant> clock) {
        this.ecs = ecs;
        this.cloudWatch = cloudWatch;
        this.timeScale = timeScale;
        this.clock = clock;
    }

    static ServiceDeploymentFollower of(CloudSession session) {
        return new ServiceDeploymentFollower(session.ecs(), session.cloudWatch(), session.target().timeScale(), Instant::now);
    }

    /** One service and the deployment of it being followed. */
    private static final class Followed {
        final String cluster;
        final String service;
        final Set<String> earlier = new HashSet<>();
        boolean listed;
        boolean inProgress;
        String deploymentArn;
        String stage;
        Instant stageSince;
        EcsDeployment last;

        Followed(String cluster, String service) {
            this.cluster = cluster;
            this.service = service;
        }

        boolean following() {
            return deploymentArn != null && (last == null || !last.isFinal());
        }
    }

    /**
     * Starts following the services CloudFormation is creating or updating now ({@code latest}: each resource's
     * newest event), then reports every followed deployment that changed.
     */
    void poll(Collection<StackEvent> latest, Duration elapsed, Consumer<DeployEvent> listener) {
        if (unavailable) {
            return;
        }
        for (StackEvent e : latest) {
            if (SERVICE_TYPE.equals(e.resourceType()) && isDeletion(e.resourceStatusAsString())) {
                followed.remove(e.physicalResourceId());
            } else if (SERVICE_TYPE.equals(e.resourceType())) {
                serviceArnParts(e.physicalResourceId()).ifPresent(parts -> followed
                        .computeIfAbsent(e.physicalResourceId(), arn -> new Followed(parts[0], parts[1]))
                        .inProgress = StackStatuses.phase(e.resourceStatusAsString()) == StackStatuses.Phase.IN_PROGRESS);
            }
        }
        try {
            for (Followed f : followed.values()) {
                if (f.following() || f.inProgress && findDeployment(f)) {
                    report(f, elapsed, listener);
                }
            }
        } catch (SdkException e) {
            unavailable = true;
            listener.accept(new DeployEvent.Notice("Could not read the ECS service deployments ("
                    + SdkErrors.summary(e) + "); the deploy goes on. `aws ecs list-service-deployments` shows them."));
        }
    }

    /**
     * A service CloudFormation deletes (a replaced one, or the stack's teardown) scales to zero through one more
     * deployment of its old strategy; that is no rollout of the chapter being deployed, so from its first delete
     * event the service is no longer followed (chapter 0 over chapter 5 showed chapter 5's canary block for the
     * color service being replaced). CloudFormation deletes a replaced resource only after its successor is
     * complete, and a service is complete only once its deployment is, so nothing worth showing is cut short.
     */
    private static boolean isDeletion(String resourceStatus) {
        return resourceStatus != null && resourceStatus.startsWith("DELETE_");
    }

    /**
     * The service's newest deployment in any state and of any strategy, as it is now (for {@code status}); a bake
     * phase is counted from the deployment's last update.
     */
    Optional<EcsDeployment> newest(String serviceArn) {
        Optional<String[]> parts = serviceArnParts(serviceArn);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServiceDeploymentBrief> newest = ecs.listServiceDeployments(b -> b.cluster(parts.get()[0])
                .service(parts.get()[1])).serviceDeployments().stream()
                .max(Comparator.comparing(ServiceDeploymentBrief::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        List<ServiceDeployment> found = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(
                newest.get().serviceDeploymentArn())).serviceDeployments();
        if (found.isEmpty() || found.get(0).deploymentConfiguration() == null) {
            return Optional.empty();
        }
        ServiceDeployment d = found.get(0);
        Instant now = clock.get();
        Instant since = d.updatedAt() != null && d.updatedAt().isBefore(now) ? d.updatedAt() : now;
        return Optional.of(state(parts.get()[1], d, d.deploymentConfiguration(), now, since));
    }

    /** {@code arn:aws:ecs:<region>:<account>:service/<cluster>/<name>} to cluster and name. */
    static Optional<String[]> serviceArnParts(String arn) {
        if (arn == null || !arn.contains(":service/")) {
            return Optional.empty();
        }
        String[] parts = arn.substring(arn.indexOf(":service/") + ":service/".length()).split("/");
        return parts.length == 2 ? Optional.of(parts) : Optional.empty();
    }

    /** Looks for the service's newest deployment that is not an earlier update's; true when one is followed now. */
    private boolean findDeployment(Followed f) {
        List<ServiceDeploymentBrief> briefs = ecs.listServiceDeployments(b -> b.cluster(f.cluster).service(f.service))
                .serviceDeployments();
        if (!f.listed) {
            f.listed = true;
            briefs.stream().filter(b -> EcsDeployment.isFinal(b.statusAsString())).forEach(b -> f.earlier.add(b.serviceDeploymentArn()));
        }
        Optional<ServiceDeploymentBrief> newest = briefs.stream()
                .filter(b -> !f.earlier.contains(b.serviceDeploymentArn()))
                .max(Comparator.comparing(ServiceDeploymentBrief::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (newest.isEmpty()) {
            return false;
        }
        if (!newest.get().serviceDeploymentArn().equals(f.deploymentArn)) {
            f.deploymentArn = newest.get().serviceDeploymentArn();
            f.stage = null;
            f.last = null;
        }
        return true;
    }

    private void report(Followed f, Duration elapsed, Consumer<DeployEvent> listener) {
        List<ServiceDeployment> found = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(f.deploymentArn))
                .serviceDeployments();
        if (found.isEmpty()) {
            return;
        }
        ServiceDeployment d = found.get(0);
        DeploymentConfiguration config = d.deploymentConfiguration();
        if (config == null || !worthWatching(config)) {
            f.earlier.add(f.deploymentArn);
            f.deploymentArn = null;
            return;
        }
        Instant now = clock.get();
        String stage = d.lifecycleStageAsString();
        if (!Objects.equals(stage, f.stage)) {
            f.stage = stage;
            // ECS updates the deployment when its stage changes; a stage already under way when first seen started
            // at the latest at its last update
            f.stageSince = d.updatedAt() != null && d.updatedAt().isBefore(now) ? d.updatedAt() : now;
        }
        EcsDeployment state = state(f.service, d, config, now, f.stageSince);
        if (!state.equals(f.last)) {
            f.last = state;
            listener.accept(new DeployEvent.ServiceDeploymentChanged(state, elapsed));
        }
    }

    private static boolean worthWatching(DeploymentConfiguration c) {
        boolean phased = c.strategyAsString() != null && !c.strategyAsString().equals("ROLLING");
        boolean alarmed = c.alarms() != null && Boolean.TRUE.equals(c.alarms().enable()) && !c.alarms().alarmNames().isEmpty();
        return phased || alarmed;
    }

    private EcsDeployment state(String service, ServiceDeployment d, DeploymentConfiguration c, Instant now,
            Instant stageSince) {
        ServiceRevisionSummary target = d.targetServiceRevision();
        OptionalDouble weight = target == null || target.requestedProductionTrafficWeight() == null
                ? OptionalDouble.empty() : OptionalDouble.of(target.requestedProductionTrafficWeight());
        double canaryPercent = c.canaryConfiguration() == null || c.canaryConfiguration().canaryPercent() == null
                ? 0 : c.canaryConfiguration().canaryPercent();
        int canaryBake = c.canaryConfiguration() == null || c.canaryConfiguration().canaryBakeTimeInMinutes() == null
                ? 0 : c.canaryConfiguration().canaryBakeTimeInMinutes();
        int bake = c.bakeTimeInMinutes() == null ? 0 : c.bakeTimeInMinutes();
        Optional<Duration> length = phaseMinutes(d, weight, canaryBake, bake).flatMap(this::onThisClock);
        Optional<Duration> left = length.map(l -> {
            Duration rest = l.minus(Duration.between(stageSince, now));
            return rest.isNegative() ? Duration.ZERO : rest;
        });
        List<String> names = d.alarms() == null ? List.of() : d.alarms().alarmNames();
        String rollbackReason = d.rollback() == null ? null : d.rollback().reason();
        return new EcsDeployment(service, d.statusAsString(), d.lifecycleStageAsString(), c.strategyAsString(),
                canaryPercent, canaryBake, bake, weight,
                target == null || target.runningTaskCount() == null ? 0 : target.runningTaskCount(),
                target == null || target.requestedTaskCount() == null ? 0 : target.requestedTaskCount(), length, left,
                d.alarms() == null ? "DISABLED" : d.alarms().statusAsString(), alarmStates(names),
                d.alarms() == null ? List.of() : d.alarms().triggeredAlarmNames(),
                rollbackReason != null ? rollbackReason : d.statusReason());
    }

    /** The template minutes of the bake phase the deployment is in: the canary's share, or all traffic moved. */
    private static Optional<Integer> phaseMinutes(ServiceDeployment d, OptionalDouble weight, int canaryBake, int bake) {
        if (!"IN_PROGRESS".equals(d.statusAsString())) {
            return Optional.empty();
        }
        String stage = d.lifecycleStageAsString();
        if ("PRODUCTION_TRAFFIC_SHIFT".equals(stage) && weight.isPresent() && weight.getAsDouble() > 0
                && weight.getAsDouble() < 100) {
            return Optional.of(canaryBake);
        }
        return "BAKE_TIME".equals(stage) ? Optional.of(bake) : Optional.empty();
    }

    private Optional<Duration> onThisClock(int minutes) {
        if (timeScale.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(minutes * 60_000 * timeScale.getAsDouble())));
    }

    private List<EcsDeployment.Alarm> alarmStates(List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, String> states = new LinkedHashMap<>();
        names.forEach(n -> states.put(n, "unknown"));
        for (MetricAlarm a : cloudWatch.describeAlarms(b -> b.alarmNames(names)).metricAlarms()) {
            states.put(a.alarmName(), a.stateValueAsString());
        }
        return states.entrySet().stream().map(e -> new EcsDeployment.Alarm(e.getKey(), e.getValue())).toList();
    }
}
