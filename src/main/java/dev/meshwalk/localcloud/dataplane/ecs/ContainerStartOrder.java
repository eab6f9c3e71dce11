package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.LocalTimings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Starts a task's containers in {@code DependsOn} order: sidecars before apps when nothing says otherwise, a
 * container only once every container it depends on has started (and is HEALTHY when the condition says so). A
 * dependency that can no longer be met (unknown, without a health check, UNHEALTHY, or not healthy within its
 * health check's own time plus some slack) fails the launch with the reason ECS would give.
 */
final class ContainerStartOrder {

    /** Starts one container; it is in {@link StartedContainers} when this returns. */
    interface Starter {
        void start(ContainerSpec spec) throws Exception;
    }

    private static final Duration DEPENDENCY_SLACK = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private final List<ContainerSpec> containers;
    private final StartedContainers started;
    private final LocalTimings timings;

    ContainerStartOrder(List<ContainerSpec> containers, StartedContainers started, LocalTimings timings) {
        this.containers = containers;
        this.started = started;
        this.timings = timings;
    }

    /** Runs on an ECS worker; returns early when {@code stopRequested} turns true. */
    void startAll(Map<String, ContainerKind> kinds, Starter starter, BooleanSupplier stopRequested) throws Exception {
        List<ContainerSpec> pending = new ArrayList<>(containers);
        pending.sort(Comparator.comparingInt(c -> kinds.get(c.name()).isApp() ? 1 : 0));
        long waitingSince = System.nanoTime();
        while (!pending.isEmpty()) {
            if (stopRequested.getAsBoolean()) {
                return;
            }
            ContainerSpec next = pending.stream().filter(this::dependenciesMet).findFirst().orElse(null);
            if (next == null) {
                checkDependenciesCanStillBeMet(pending, waitingSince);
                Thread.sleep(POLL_MILLIS);
                continue;
            }
            pending.remove(next);
            starter.start(next);
            waitingSince = System.nanoTime();
        }
    }

    private boolean dependenciesMet(ContainerSpec c) {
        for (ContainerSpec.Dependency dep : c.dependsOn()) {
            ContainerRun run = started.get(dep.containerName());
            if (run == null) {
                return false;
            }
            if (dep.condition() == ContainerSpec.Condition.HEALTHY && run.health != Health.HEALTHY) {
                return false;
            }
        }
        return true;
    }

    private void checkDependenciesCanStillBeMet(List<ContainerSpec> pending, long waitingSince) {
        for (ContainerSpec c : pending) {
            for (ContainerSpec.Dependency dep : c.dependsOn()) {
                boolean known = containers.stream().anyMatch(x -> x.name().equals(dep.containerName()));
                if (!known) {
                    throw new IllegalStateException("container " + c.name() + " depends on " + dep.containerName()
                            + ", which is not in the task definition");
                }
                ContainerRun run = started.get(dep.containerName());
                if (run == null || dep.condition() != ContainerSpec.Condition.HEALTHY) {
                    continue;
                }
                if (run.spec.healthCheck() == null) {
                    throw new IllegalStateException("container " + c.name() + " waits for " + dep.containerName()
                            + " to be HEALTHY, but " + dep.containerName() + " has no health check");
                }
                if (run.health == Health.UNHEALTHY || System.nanoTime() - waitingSince > healthWaitLimit(run.spec).toNanos()) {
                    throw new IllegalStateException("dependency container " + dep.containerName()
                            + " did not become HEALTHY, so " + c.name() + " was not started"
                            + (run.lastProbe == null ? "" : " (last health check: " + run.lastProbe + ")"));
                }
            }
        }
    }

    private Duration healthWaitLimit(ContainerSpec spec) {
        ContainerSpec.HealthCheck hc = spec.healthCheck();
        return timings.seconds(hc.startPeriodSeconds())
                .plus(timings.seconds((long) hc.intervalSeconds() * (hc.retries() + 1)))
                .plus(DEPENDENCY_SLACK);
    }
}
