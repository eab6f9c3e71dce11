package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One ECS task: gets its own loopback address, plans its ports, starts its containers in {@code DependsOn}
 * order (sidecars first when nothing says otherwise), runs their health checks on the shared scheduler, and
 * stops them in reverse order. Launch and stop run on the ECS worker pool; a running task holds no thread.
 */
final class Task {

    enum Status { PROVISIONING, PENDING, RUNNING, DEACTIVATING, STOPPING, STOPPED }

    enum Health { UNKNOWN, HEALTHY, UNHEALTHY }

    private static final Duration DEPENDENCY_SLACK = Duration.ofSeconds(10);
    /** Where ECS tells every container its task metadata endpoint v4 is. */
    static final String METADATA_VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";

    final String arn;
    final String id;
    final String cluster;
    final String serviceName;
    final TaskDefinition definition;
    final Object deployment;
    final String launchType;
    private final TaskEnvironment env;
    private final Map<String, TaskMetadataDocuments.ContainerIdentity> identities = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> metadataIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final TaskMetadataDocuments metadata = new TaskMetadataDocuments(new MetadataView());
    private final Map<String, ContainerRun> containers = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Integer> hostPorts = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Status status = Status.PROVISIONING;
    private volatile String stoppedReason;
    private volatile boolean failedOnItsOwn;
    private volatile boolean stopRequested;
    private volatile InetAddress address;
    private volatile long lastLivenessCheck;

    /** @param launchType the service's launch type, which the task metadata reports ({@code FARGATE}, {@code EC2}) */
    Task(String arn, String cluster, String serviceName, TaskDefinition definition, Object deployment,
         String launchType, TaskEnvironment env) {
        this.arn = arn;
        this.id = arn.substring(arn.lastIndexOf('/') + 1);
        this.cluster = cluster;
        this.serviceName = serviceName;
        this.definition = definition;
        this.deployment = deployment;
        this.launchType = launchType;
        this.env = env;
    }

    Status status() {
        return status;
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
        return Optional.ofNullable(hostPorts.get(containerName + ":" + containerPort));
    }

    /** Notes the service should publish as events (e.g. a health check that runs differently locally). */
    List<String> drainNotes() {
        List<String> out = new ArrayList<>(notes);
        notes.removeAll(out);
        return out;
    }

    // ------------------------------------------------------------------ launch

    /** Starts the task's containers; on failure the task ends STOPPED with the reason. */
    void launch() {
        try {
            Map<String, ContainerKind> kinds = new LinkedHashMap<>();
            for (ContainerSpec c : definition.spec().containers()) {
                Optional<ContainerKind> kind = env.imageMap().kindOf(c.image());
                if (kind.isEmpty()) {
                    finish(env.imageMap().unknownImageReason(c.image()), true);
                    return;
                }
                kinds.put(c.name(), kind.get());
            }
            synchronized (this) {
                if (stopRequested) {
                    return;
                }
                address = env.addresses().allocate(definition.spec().containers().stream()
                        .flatMap(c -> c.containerPorts().stream()).mapToInt(Integer::intValue).toArray());
                status = Status.PENDING;
            }
            ProxyConfigurationSpec proxyConfig = definition.spec().proxyConfiguration();
            boolean mesh = proxyConfig != null && proxyConfig.isAppMesh()
                    && kinds.get(proxyConfig.containerName()) == ContainerKind.MESH_PROXY;
            Map<String, Map<Integer, Integer>> ports = new HashMap<>();
            Map<Integer, Integer> proxyAppPorts = new HashMap<>();
            for (ContainerSpec c : definition.spec().containers()) {
                Map<Integer, Integer> plan = new HashMap<>();
                for (int port : portsOf(c, kinds.get(c.name()))) {
                    if (mesh && kinds.get(c.name()).isApp() && proxyConfig.appPorts().contains(port)) {
                        int internal = HttpListeners.freePort(address, 0);
                        plan.put(port, internal);
                        proxyAppPorts.put(port, internal);
                    } else if (kinds.get(c.name()).isApp()) {
                        plan.put(port, HttpListeners.freePort(address, port));
                    } else {
                        plan.put(port, port);
                    }
                }
                ports.put(c.name(), plan);
            }
            startInOrder(kinds, ports, mesh ? proxyConfig : null, proxyAppPorts);
            synchronized (this) {
                if (!stopRequested) {
                    status = Status.RUNNING;
                    return;
                }
            }
            finish("Task stopped while starting", false);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(message, true);
        }
    }

    private List<Integer> portsOf(ContainerSpec c, ContainerKind kind) {
        List<Integer> ports = new ArrayList<>(c.containerPorts());
        String port = c.environment().get("PORT");
        if (kind.isApp() && port != null && port.trim().matches("\\d+") && !ports.contains(Integer.valueOf(port.trim()))) {
            ports.add(Integer.valueOf(port.trim()));
        }
        return ports;
    }

    private void startInOrder(Map<String, ContainerKind> kinds, Map<String, Map<Integer, Integer>> ports,
                              ProxyConfigurationSpec proxyConfig, Map<Integer, Integer> proxyAppPorts)
            throws Exception {
        List<ContainerSpec> pending = new ArrayList<>(definition.spec().containers());
        pending.sort(Comparator.comparingInt(c -> kinds.get(c.name()).isApp() ? 1 : 0));
        long waitingSince = System.nanoTime();
        while (!pending.isEmpty()) {
            if (stopRequested) {
                return;
            }
            ContainerSpec next = pending.stream().filter(this::dependenciesMet).findFirst().orElse(null);
            if (next == null) {
                checkDependenciesCanStillBeMet(pending, waitingSince);
                Thread.sleep(20);
                continue;
            }
            pending.remove(next);
            startContainer(next, kinds.get(next.name()), ports.get(next.name()), proxyConfig, proxyAppPorts);
            waitingSince = System.nanoTime();
        }
    }

    private boolean dependenciesMet(ContainerSpec c) {
        for (ContainerSpec.Dependency dep : c.dependsOn()) {
            ContainerRun run = containers.get(dep.containerName());
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
                boolean known = definition.spec().containers().stream().anyMatch(x -> x.name().equals(dep.containerName()));
                if (!known) {
                    throw new IllegalStateException("container " + c.name() + " depends on " + dep.containerName()
                            + ", which is not in the task definition");
                }
                ContainerRun run = containers.get(dep.containerName());
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
        return env.timings().seconds(hc.startPeriodSeconds())
                .plus(env.timings().seconds((long) hc.intervalSeconds() * (hc.retries() + 1)))
                .plus(DEPENDENCY_SLACK);
    }

    private void startContainer(ContainerSpec spec, ContainerKind kind, Map<Integer, Integer> ports,
                                ProxyConfigurationSpec proxyConfig, Map<Integer, Integer> proxyAppPorts)
            throws Exception {
        String ip = address.getHostAddress();
        Map<String, String> environment = new LinkedHashMap<>();
        spec.environment().forEach((k, v) -> environment.put(k, toTaskAddress(v, ip)));
        environment.put("BIND_ADDRESS", ip);
        environment.put("DNS_SERVER", env.dnsServer());
        synchronized (containers) {
            containers.values().forEach(run -> environment.putAll(run.running.environmentForSiblings()));
        }
        if (proxyConfig != null && kind.isApp()) {
            ContainerRun proxy = containers.get(proxyConfig.containerName());
            if (proxy != null && proxy.running instanceof MeshProxyProgram.ProxyContainer pc) {
                String proxyUrl = "http://" + ip + ":" + pc.proxy().egressPort();
                environment.put("HTTP_PROXY", proxyUrl);
                environment.put("http_proxy", proxyUrl);
                String ignored = proxyConfig.egressIgnoredIps();
                environment.put("NO_PROXY", "localhost,127.0.0.1," + ip + (ignored.isBlank() ? "" : "," + ignored));
            }
        }
        environment.put(METADATA_VARIABLE, registerMetadata(spec));
        ContainerLaunch launch = new ContainerLaunch(cluster, serviceName, arn, definition.family(), spec.name(),
                spec.image(), address, environment, ports, proxyConfig,
                kind == ContainerKind.MESH_PROXY && proxyConfig != null ? proxyAppPorts : Map.of());
        RunningContainer running;
        try {
            running = env.programs().get(kind).start(launch);
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
            containers.put(spec.name(), run);
        }
        if (!kind.isApp()) {
            running.boundPorts().forEach((containerPort, real) -> hostPorts.put(spec.name() + ":" + containerPort, real));
        }
        if (running instanceof MeshProxyProgram.ProxyContainer pc) {
            // the app's published ports are the proxy's ingress listeners
            pc.proxy().ingressPorts().forEach((published, real) -> definition.spec().containers().stream()
                    .filter(c -> !c.name().equals(spec.name()))
                    .forEach(c -> hostPorts.put(c.name() + ":" + published, real)));
        }
        if (kind.isApp()) {
            // in mesh tasks the proxy already published these ports; elsewhere the app's own port is the published one
            running.boundPorts().forEach((containerPort, real) ->
                    hostPorts.putIfAbsent(spec.name() + ":" + containerPort, real));
        }
        if (spec.healthCheck() != null) {
            scheduleHealthCheck(run);
        }
    }

    /**
     * Gives the container an identity (runtime id, container ARN) as ECS does when it starts one, and serves its
     * task metadata; returns the {@value #METADATA_VARIABLE} value.
     */
    private synchronized String registerMetadata(ContainerSpec spec) {
        if (status == Status.STOPPING || status == Status.STOPPED) {
            // finish() already removed this task's entries; one added now would outlive the task
            throw new IllegalStateException("Task stopped while starting");
        }
        String dockerId = id + "-" + env.ids().digits(10);
        identities.put(spec.name(), new TaskMetadataDocuments.ContainerIdentity(spec.name(), spec.image(), dockerId,
                env.ids().arn("ecs", "container/" + cluster + "/" + id + "/" + java.util.UUID.randomUUID()),
                java.time.Instant.now()));
        metadataIds.add(dockerId);
        return env.metadata().register(dockerId, new TaskMetadataEndpoint.Documents(
                () -> metadata.container(spec.name()), metadata::task));
    }

    /** The ARN ECS gave the container of that name, once it started. */
    Optional<String> containerArn(String containerName) {
        return Optional.ofNullable(identities.get(containerName)).map(TaskMetadataDocuments.ContainerIdentity::arn);
    }

    /** The task as its metadata endpoint shows it. */
    private final class MetadataView implements TaskMetadataDocuments.TaskView {
        @Override
        public String taskArn() {
            return arn;
        }

        @Override
        public String clusterArn() {
            return env.ids().arn("ecs", "cluster/" + cluster);
        }

        @Override
        public String family() {
            return definition.family();
        }

        @Override
        public int revision() {
            return definition.revision();
        }

        @Override
        public String launchType() {
            return launchType;
        }

        /** Locally every task runs in the region's first zone; the template's subnets are not modelled. */
        @Override
        public String availabilityZone() {
            return env.ids().region() + "a";
        }

        @Override
        public String knownStatus() {
            return status.name();
        }

        @Override
        public String desiredStatus() {
            return stopRequested ? "STOPPED" : "RUNNING";
        }

        @Override
        public String address() {
            InetAddress current = address;
            return current == null ? null : current.getHostAddress();
        }

        @Override
        public List<String> containerNames() {
            return definition.spec().containers().stream().map(ContainerSpec::name).toList();
        }

        @Override
        public TaskMetadataDocuments.ContainerIdentity started(String containerName) {
            return identities.get(containerName);
        }
    }

    private static final java.util.regex.Pattern LOCALHOST_PORT =
            java.util.regex.Pattern.compile("\\b(?:localhost|127\\.0\\.0\\.1):(\\d+)");

    /**
     * Containers of a Fargate task share one network namespace, so templates point apps at sidecars with
     * {@code localhost:<port>}. Locally the task's address plays that role: {@code localhost:4318} becomes
     * {@code <task ip>:<port the sidecar really bound>}.
     */
    private String toTaskAddress(String value, String ip) {
        java.util.regex.Matcher m = LOCALHOST_PORT.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int port = Integer.parseInt(m.group(1));
            int real = hostPorts.entrySet().stream().filter(e -> e.getKey().endsWith(":" + port))
                    .map(Map.Entry::getValue).findFirst().orElse(port);
            m.appendReplacement(out, ip + ":" + real);
        }
        m.appendTail(out);
        return out.toString();
    }

    // ------------------------------------------------------------------ health

    private void scheduleHealthCheck(ContainerRun run) {
        ContainerSpec.HealthCheck hc = run.spec.healthCheck();
        Optional<HealthCommand> command = HealthCommand.parse(hc.command());
        if (command.isEmpty()) {
            run.health = Health.HEALTHY;
            notes.add("container " + run.spec.name() + " has a health check the local cloud cannot run ("
                    + String.join(" ", hc.command()) + "); it counts as healthy while it runs");
            return;
        }
        long interval = env.timings().seconds(hc.intervalSeconds()).toMillis();
        run.check = env.scheduler().scheduleWithFixedDelay(() -> probe(run, command.get()), 0, interval,
                TimeUnit.MILLISECONDS);
    }

    private void probe(ContainerRun run, HealthCommand command) {
        if (run.probing || status == Status.STOPPED) {
            return;
        }
        run.probing = true;
        int port = hostPorts.entrySet().stream().filter(e -> e.getKey().endsWith(":" + command.port()))
                .filter(e -> e.getKey().startsWith(run.spec.name() + ":")).map(Map.Entry::getValue).findFirst()
                .orElseGet(() -> hostPorts.entrySet().stream().filter(e -> e.getKey().endsWith(":" + command.port()))
                        .map(Map.Entry::getValue).findFirst().orElse(command.port()));
        ContainerSpec.HealthCheck hc = run.spec.healthCheck();
        String url = "http://" + address.getHostAddress() + ":" + port + command.path();
        env.upstream().probe(url, env.timings().timeout(hc.timeoutSeconds())).whenComplete((response, error) -> {
            run.probing = false;
            boolean passed = error == null && command.passes(response.statusCode(), response.body());
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
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

    /** ECS task health: UNHEALTHY if an essential container is, HEALTHY if every checked container is. */
    Health health() {
        List<ContainerRun> checked;
        synchronized (containers) {
            checked = containers.values().stream().filter(r -> r.spec.healthCheck() != null).toList();
        }
        if (checked.stream().anyMatch(r -> r.spec.essential() && r.health == Health.UNHEALTHY)) {
            return Health.UNHEALTHY;
        }
        if (checked.isEmpty()) {
            return Health.UNKNOWN;
        }
        return checked.stream().allMatch(r -> r.health == Health.HEALTHY) ? Health.HEALTHY : Health.UNKNOWN;
    }

    /** Running and not known to be unhealthy, and every health-checked container has passed. */
    boolean isServing() {
        if (status != Status.RUNNING) {
            return false;
        }
        Health health = health();
        boolean anyChecked;
        synchronized (containers) {
            anyChecked = containers.values().stream().anyMatch(r -> r.spec.healthCheck() != null);
        }
        return anyChecked ? health == Health.HEALTHY : health != Health.UNHEALTHY;
    }

    /**
     * Why this running task must stop (an essential container exited or failed its health checks), or empty.
     * Liveness probes are throttled to one per second.
     */
    Optional<String> failure() {
        if (status != Status.RUNNING) {
            return Optional.empty();
        }
        List<ContainerRun> runs;
        synchronized (containers) {
            runs = new ArrayList<>(containers.values());
        }
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

    // ------------------------------------------------------------------ stop

    /** Marks the task as leaving service (targets draining); containers keep running until {@link #finish}. */
    synchronized void beginStopping() {
        stopRequested = true;
        if (status != Status.STOPPED && status != Status.STOPPING) {
            status = Status.DEACTIVATING;
        }
    }

    /** Stops every container (reverse start order) and frees the address; idempotent. */
    synchronized void finish(String reason, boolean failure) {
        if (status == Status.STOPPED) {
            return;
        }
        stopRequested = true;
        status = Status.STOPPING;
        if (stoppedReason == null) {
            stoppedReason = reason;
            failedOnItsOwn = failure;
        }
        List<ContainerRun> runs;
        synchronized (containers) {
            runs = new ArrayList<>(containers.values());
        }
        Collections.reverse(runs);
        for (ContainerRun run : runs) {
            if (run.check != null) {
                run.check.cancel(false);
            }
            try {
                run.running.close();
            } catch (RuntimeException ignored) {
                // stopping anyway; one container's failure to close must not keep the others running
            }
        }
        metadataIds.forEach(env.metadata()::unregister);
        metadataIds.clear();
        if (address != null) {
            env.addresses().release(address);
        }
        status = Status.STOPPED;
    }

    TaskInfo info() {
        Map<String, Integer> ports = new java.util.TreeMap<>(hostPorts);
        return new TaskInfo(arn, cluster, serviceName, definition.arn(), status.name(), health().name(),
                address == null ? null : address.getHostAddress(), ports, stoppedReason);
    }

    String containerHealthSummary() {
        synchronized (containers) {
            return containers.values().stream().map(r -> r.spec.name() + "=" + r.health)
                    .collect(Collectors.joining(", "));
        }
    }

    private static final class ContainerRun {
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
    }
}
