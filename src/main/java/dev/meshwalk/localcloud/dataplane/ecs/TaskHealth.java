package dev.meshwalk.localcloud.dataplane.ecs;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A task's container health checks and what they add up to. Each checked container is probed on the shared
 * scheduler at its (compressed) interval with an HTTP GET that {@link HealthCommand} read from the template's
 * {@code curl}/{@code wget} command; failures count only after the start period, and {@code retries} failures make
 * the container UNHEALTHY. A command the local cloud cannot run counts as healthy, with a note for the service's
 * events.
 */
final class TaskHealth {

    private final StartedContainers started;
    private final TaskPorts ports;
    private final TaskEnvironment env;
    private final BooleanSupplier taskStopped;
    private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long lastLivenessCheck;

    TaskHealth(StartedContainers started, TaskPorts ports, TaskEnvironment env, BooleanSupplier taskStopped) {
        this.started = started;
        this.ports = ports;
        this.env = env;
        this.taskStopped = taskStopped;
    }

    /** Starts probing a container that has a health check. */
    void schedule(ContainerRun run, InetAddress address) {
        ContainerSpec.HealthCheck hc = run.spec.healthCheck();
        Optional<HealthCommand> command = HealthCommand.parse(hc.command());
        if (command.isEmpty()) {
            run.health = Health.HEALTHY;
            notes.add("container " + run.spec.name() + " has a health check the local cloud cannot run ("
                    + String.join(" ", hc.command()) + "); it counts as healthy while it runs");
            return;
        }
        long interval = env.timings().seconds(hc.intervalSeconds()).toMillis();
        run.check = env.scheduler().scheduleWithFixedDelay(() -> probe(run, command.get(), address), 0, interval,
                TimeUnit.MILLISECONDS);
    }

    private void probe(ContainerRun run, HealthCommand command, InetAddress address) {
        if (run.probing || taskStopped.getAsBoolean()) {
            return;
        }
        run.probing = true;
        int port = ports.probePort(run.spec.name(), command.port());
        ContainerSpec.HealthCheck hc = run.spec.healthCheck();
        String url = "http://" + address.getHostAddress() + ":" + port + command.path();
        env.upstream().probe(url, env.timings().timeout(hc.timeoutSeconds())).whenComplete((response, error) -> {
            run.probing = false;
            boolean passed = error == null && command.passes(response.statusCode(), response.body());
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            run.lastProbe = error != null ? "GET " + url + " failed: " + cause
                    : "GET " + url + " -> " + response.statusCode()
                            + (passed || command.mustContain().isEmpty() ? "" : ", body lacks " + command.mustContain());
            if (passed) {
                run.failures = 0;
                run.health = Health.HEALTHY;
                return;
            }
            boolean inStartPeriod = System.nanoTime() - run.startedAt
                    < env.timings().seconds(hc.startPeriodSeconds()).toNanos();
            if (!inStartPeriod && ++run.failures >= Math.max(1, hc.retries())) {
                run.health = Health.UNHEALTHY;
            }
        });
    }

    /** Notes the service should publish as events (e.g. a health check that runs differently locally). */
    List<String> drainNotes() {
        List<String> out = new ArrayList<>(notes);
        notes.removeAll(out);
        return out;
    }

    /** ECS task health: UNHEALTHY if an essential container is, HEALTHY if every checked container is. */
    Health health() {
        List<ContainerRun> checked = checked();
        if (checked.stream().anyMatch(r -> r.spec.essential() && r.health == Health.UNHEALTHY)) {
            return Health.UNHEALTHY;
        }
        if (checked.isEmpty()) {
            return Health.UNKNOWN;
        }
        return checked.stream().allMatch(r -> r.health == Health.HEALTHY) ? Health.HEALTHY : Health.UNKNOWN;
    }

    /** Not known to be unhealthy, and every health-checked container has passed. */
    boolean serving() {
        Health health = health();
        return checked().isEmpty() ? health != Health.UNHEALTHY : health == Health.HEALTHY;
    }

    /**
     * Why the running task must stop (an essential container exited or failed its health checks), or empty.
     * Liveness probes are throttled to one per second.
     */
    Optional<String> failure() {
        List<ContainerRun> runs = started.snapshot();
        for (ContainerRun run : runs) {
            if (run.spec.essential() && run.health == Health.UNHEALTHY) {
                return Optional.of("Task failed container health checks (container " + run.spec.name() + ": "
                        + run.lastProbe + ")");
            }
        }
        long now = System.nanoTime();
        if (now - lastLivenessCheck < TimeUnit.SECONDS.toNanos(1)) {
            return Optional.empty();
        }
        lastLivenessCheck = now;
        for (ContainerRun run : runs) {
            if (run.spec.essential() && !run.running.isAlive()) {
                return Optional.of("Essential container in task exited (container " + run.spec.name() + ")");
            }
        }
        return Optional.empty();
    }

    private List<ContainerRun> checked() {
        return started.snapshot().stream().filter(r -> r.spec.healthCheck() != null).toList();
    }
}
