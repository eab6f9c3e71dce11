package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.logs.ConsoleRouting;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ECS task's lifecycle: PROVISIONING -> PENDING (it has its own loopback address) -> RUNNING (every container
 * started) -> DEACTIVATING (draining) -> STOPPING -> STOPPED. Launch and stop run on the ECS worker pool; a running
 * task holds no thread. The task delegates what it is made of: {@link TaskPorts} plans and records its ports,
 * {@link ContainerStartOrder} starts the containers in {@code DependsOn} order, {@link TaskHealth} probes them and
 * {@link TaskMetadata} serves its metadata endpoint.
 */
final class Task {

    enum Status { PROVISIONING, PENDING, RUNNING, DEACTIVATING, STOPPING, STOPPED }

    /** Where ECS tells every container its task metadata endpoint v4 is. */
    static final String METADATA_VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";

    final String arn;
    final String id;
    final String cluster;
    final String serviceName;
    final TaskDefinition definition;
    /** The service deployment that launched the task. */
    final Deployment deployment;
    final String launchType;
    private final TaskEnvironment env;
    private final StartedContainers containers = new StartedContainers();
    private final TaskPorts ports = new TaskPorts();
    private final TaskHealth health;
    private final TaskMetadata metadata;
    private volatile Status status = Status.PROVISIONING;
    private volatile String stoppedReason;
    private volatile StopCode stopCode;
    private volatile String requestedReason;
    private volatile StopCode requestedCode = StopCode.SERVICE_SCHEDULER_INITIATED;
    /** A container's own reason (ECS's {@code containers[].reason}), e.g. the image it could not pull. */
    private final Map<String, String> containerReasons = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean failedOnItsOwn;
    private volatile boolean stopRequested;
    private volatile InetAddress address;
    private final Instant createdAt = Instant.now();
    private volatile Instant startedAt;
    private volatile Instant stoppingAt;
    private volatile Instant stoppedAt;

    /** @param launchType the service's launch type, which the task metadata reports ({@code FARGATE}, {@code EC2}) */
    Task(String arn, String cluster, String serviceName, TaskDefinition definition, Deployment deployment,
         String launchType, TaskEnvironment env) {
        this.arn = arn;
        this.id = arn.substring(arn.lastIndexOf('/') + 1);
        this.cluster = cluster;
        this.serviceName = serviceName;
        this.definition = definition;
        this.deployment = deployment;
        this.launchType = launchType;
        this.env = env;
        this.health = new TaskHealth(containers, ports, env, () -> status == Status.STOPPED);
        this.metadata = new TaskMetadata(this, env);
    }

    Status status() {
        return status;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    String stoppedReason() {
        return stoppedReason;
    }

    /** True when the task stopped because something failed, not because the service or a user stopped it. */
    boolean failedOnItsOwn() {
        return failedOnItsOwn;
    }

    Optional<InetAddress> address() {
        return Optional.ofNullable(address);
    }

    /** Port reachable on the task address for {@code container:containerPort}, if it is published. */
    Optional<Integer> hostPort(String containerName, int containerPort) {
        return ports.hostPort(containerName, containerPort);
    }

    /** Notes the service should publish as events (e.g. a health check that runs differently locally). */
    List<String> drainNotes() {
        return health.drainNotes();
    }

    Health health() {
        return health.health();
    }

    /** Running and not known to be unhealthy, and every health-checked container has passed. */
    boolean isServing() {
        return status == Status.RUNNING && health.serving();
    }

    /** Why this running task must stop (an essential container exited or failed its health checks), or empty. */
    Optional<String> failure() {
        return status == Status.RUNNING ? health.failure() : Optional.empty();
    }

    // ------------------------------------------------------------------ launch

    /** Starts the task's containers; on failure the task ends STOPPED with the reason. */
    void launch() {
        try {
            List<ContainerSpec> specs = definition.spec().containers();
            Map<String, ContainerKind> kinds = new LinkedHashMap<>();
            for (ContainerSpec c : specs) {
                Optional<ContainerKind> kind = env.imageMap().kindOf(c.image());
                if (kind.isEmpty()) {
                    String reason = env.imageMap().unknownImageReason(c.image());
                    containerReasons.put(c.name(), reason);
                    finish(reason, true, StopCode.TASK_FAILED_TO_START);
                    return;
                }
                kinds.put(c.name(), kind.get());
            }
            synchronized (this) {
                if (stopRequested) {
                    return;
                }
                address = env.addresses().allocate(specs.stream()
                        .flatMap(c -> c.containerPorts().stream()).mapToInt(Integer::intValue).toArray());
                status = Status.PENDING;
            }
            ProxyConfigurationSpec proxyConfig = definition.spec().proxyConfiguration();
            ProxyConfigurationSpec meshProxy = proxyConfig != null && proxyConfig.isAppMesh()
                    && kinds.get(proxyConfig.containerName()) == ContainerKind.MESH_PROXY ? proxyConfig : null;
            TaskPorts.Plan plan = TaskPorts.plan(address, specs, kinds, meshProxy);
            new ContainerStartOrder(specs, containers, env.timings()).startAll(kinds,
                    spec -> startContainer(spec, kinds.get(spec.name()), plan, meshProxy), () -> stopRequested);
            synchronized (this) {
                if (!stopRequested) {
                    status = Status.RUNNING;
                    startedAt = Instant.now();
                    return;
                }
            }
            finish(requestedReason == null ? "Task stopped while starting" : requestedReason, false, requestedCode);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(message, true, StopCode.TASK_FAILED_TO_START);
        }
    }

    private void startContainer(ContainerSpec spec, ContainerKind kind, TaskPorts.Plan plan,
                                ProxyConfigurationSpec meshProxy) {
        ContainerLaunch launch = new ContainerLaunch(cluster, serviceName, arn, definition.family(), spec.name(),
                spec.image(), address, environmentFor(spec, kind, meshProxy), plan.byContainer().get(spec.name()),
                meshProxy, kind == ContainerKind.MESH_PROXY && meshProxy != null ? plan.proxyAppPorts() : Map.of());
        RunningContainer running;
        try {
            running = startLogged(spec, kind, launch);
        } catch (Exception e) {
            throw new IllegalStateException("Essential container in task exited: container " + spec.name() + " ("
                    + spec.image() + ") failed to start: " + e.getMessage(), e);
        }
        ContainerRun run = new ContainerRun(spec, kind, running);
        synchronized (this) {
            if (status == Status.STOPPING || status == Status.STOPPED) {
                running.close(); // the task was stopped while this container started
                return;
            }
            containers.add(run);
        }
        ports.publish(spec, kind, running, definition.spec().containers());
        if (spec.healthCheck() != null) {
            health.schedule(run, address);
        }
    }

    /**
     * Starts the container's program; with the {@code awslogs} driver, what it prints goes to its stream
     * ({@code prefix/container/task-id}) in the configured group, created first when {@code awslogs-create-group}.
     */
    private RunningContainer startLogged(ContainerSpec spec, ContainerKind kind, ContainerLaunch launch) throws Exception {
        ContainerProgram program = env.programs().get(kind);
        ContainerSpec.AwsLogs logs = spec.awsLogs();
        if (logs == null || logs.group() == null) {
            return program.start(launch);
        }
        if (logs.createGroup() && env.logs().group(logs.group()).isEmpty()) {
            env.logs().createGroup(logs.group(), env.ids().arn("logs", "log-group:" + logs.group() + ":*"), null);
        }
        String stream = logs.streamFor(spec.name(), launch.taskId());
        return ConsoleRouting.capture(line -> env.logs().append(logs.group(), stream, line), () -> program.start(launch));
    }

    /**
     * The container's environment: the template's values with {@code localhost:<port>} pointed at the task
     * address, where to bind and resolve, what started sidecars offer, the mesh proxy for an app's egress, and
     * its metadata endpoint.
     */
    private Map<String, String> environmentFor(ContainerSpec spec, ContainerKind kind, ProxyConfigurationSpec meshProxy) {
        String ip = address.getHostAddress();
        Map<String, String> environment = new LinkedHashMap<>();
        spec.environment().forEach((k, v) -> environment.put(k, ports.toTaskAddress(v, ip)));
        environment.put("BIND_ADDRESS", ip);
        environment.put("DNS_SERVER", env.dnsServer());
        environment.putAll(containers.environmentForSiblings());
        if (meshProxy != null && kind.isApp()) {
            ContainerRun proxy = containers.get(meshProxy.containerName());
            if (proxy != null && proxy.running instanceof MeshProxyProgram.ProxyContainer pc) {
                String proxyUrl = "http://" + ip + ":" + pc.proxy().egressPort();
                environment.put("HTTP_PROXY", proxyUrl);
                environment.put("http_proxy", proxyUrl);
                String ignored = meshProxy.egressIgnoredIps();
                environment.put("NO_PROXY", "localhost,127.0.0.1," + ip + (ignored.isBlank() ? "" : "," + ignored));
            }
        }
        environment.put(METADATA_VARIABLE, registerMetadata(spec));
        return environment;
    }

    private synchronized String registerMetadata(ContainerSpec spec) {
        if (status == Status.STOPPING || status == Status.STOPPED) {
            // finish() already removed this task's entries; one added now would outlive the task
            throw new IllegalStateException("Task stopped while starting");
        }
        return metadata.register(spec);
    }

    // ------------------------------------------------------------------ stop

    /**
     * Marks the task as leaving service (targets draining); containers keep running until {@link #finish}. The
     * reason and code are what a launch still under way stops with.
     */
    synchronized void beginStopping(String reason, StopCode code) {
        stopRequested = true;
        if (requestedReason == null) {
            requestedReason = reason;
            requestedCode = code;
        }
        if (stoppingAt == null) {
            stoppingAt = Instant.now();
        }
        if (status != Status.STOPPED && status != Status.STOPPING) {
            status = Status.DEACTIVATING;
        }
    }

    /**
     * Stops every container (reverse start order), each as {@code docker stop} does with the container's stop
     * timeout (compressed like the other template timings, never under a second: a program is not faster at exiting
     * locally), and frees the address; idempotent. The first reason and code stay, as on ECS.
     */
    synchronized void finish(String reason, boolean failure, StopCode code) {
        if (status == Status.STOPPED) {
            return;
        }
        stopRequested = true;
        status = Status.STOPPING;
        if (stoppingAt == null) {
            stoppingAt = Instant.now();
        }
        if (stoppedReason == null) {
            stoppedReason = reason;
            failedOnItsOwn = failure;
            stopCode = code;
        }
        List<ContainerRun> runs = containers.snapshot();
        Collections.reverse(runs);
        runs.forEach(run -> run.stop(env.timings().timeout(run.spec.stopTimeout()),
                "ecs-stop-" + id + "-" + run.spec.name()));
        metadata.unregisterAll();
        if (address != null) {
            env.addresses().release(address);
        }
        stoppedAt = Instant.now();
        status = Status.STOPPED;
    }

    TaskInfo info() {
        Status now = status;
        List<TaskInfo.ContainerInfo> containerInfos = new ArrayList<>();
        for (ContainerSpec spec : definition.spec().containers()) {
            ContainerRun run = containers.get(spec.name());
            String containerStatus = now == Status.STOPPED || run != null && !run.running.isAlive() ? "STOPPED"
                    : run == null ? "PENDING" : "RUNNING";
            containerInfos.add(new TaskInfo.ContainerInfo(spec.name(), spec.image(), containerStatus,
                    run == null ? Health.UNKNOWN.name() : run.health.name(), spec.essential(),
                    run == null ? null : run.exitCode(), containerReasons.get(spec.name())));
        }
        return new TaskInfo(arn, cluster, serviceName, definition.arn(), now.name(), health().name(),
                address == null ? null : address.getHostAddress(), ports.snapshot(), stoppedReason,
                stopCode == null ? null : stopCode.wire(), stopRequested ? "STOPPED" : "RUNNING", deployment.id, launchType, containerInfos, createdAt,
                startedAt, stoppingAt, stoppedAt);
    }
}
