package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancers;
import dev.meshwalk.localcloud.dataplane.elb.Target;
import dev.meshwalk.localcloud.dataplane.elb.TargetHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An ECS service at run time. A reconciler on the shared scheduler keeps {@code desiredCount} tasks of the
 * current deployment running: it launches missing tasks, replaces tasks that failed, registers running tasks in
 * their target groups and Cloud Map services (with health), and rolls a new task definition out by stopping old
 * tasks only as new ones become healthy. Each deployment exposes a future that completes at steady state or
 * fails fast with the reason (an unknown image, or three failed tasks: the deployment circuit breaker).
 */
public final class EcsService {

    private static final int CIRCUIT_BREAKER_FAILURES = 3;
    private static final int MAX_EVENTS = 100;

    private final String arn;
    private final String cluster;
    private final String name;
    private final AwsIds ids;
    private final TaskEnvironment env;
    private final LoadBalancers loadBalancers;
    private final CloudMap cloudMap;
    private final ExecutorService workers;
    private final List<ServiceEvent> events = new CopyOnWriteArrayList<>();
    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    private final Map<Task, Registration> registrations = new ConcurrentHashMap<>();
    /** Tasks that moved into a newer deployment of the same task definition (a desired-count change). */
    private final Map<Task, Deployment> carriedOver = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> reconciler;
    private final CompletableFuture<Void> deleted = new CompletableFuture<>();
    private volatile ServiceSpec spec;
    private volatile Deployment primary;
    private volatile boolean deleting;

    /** One rollout of a task definition at a desired count. */
    static final class Deployment {
        final String id;
        final TaskDefinition definition;
        final CompletableFuture<Void> steady = new CompletableFuture<>();
        int failedTasks;
        String lastFailure;

        Deployment(String id, TaskDefinition definition) {
            this.id = id;
            this.definition = definition;
        }
    }

    /** Where a task is registered, so it can be deregistered exactly once. */
    private record Registration(List<Map.Entry<String, Target>> targets, List<String> discoveryServices,
                                Map<String, Boolean> reportedHealth) {
    }

    EcsService(String arn, ServiceSpec spec, TaskDefinition definition, AwsIds ids, TaskEnvironment env,
               LoadBalancers loadBalancers, CloudMap cloudMap, ExecutorService workers) {
        this.arn = arn;
        this.cluster = spec.cluster();
        this.name = spec.name();
        this.spec = spec;
        this.ids = ids;
        this.env = env;
        this.loadBalancers = loadBalancers;
        this.cloudMap = cloudMap;
        this.workers = workers;
        this.primary = new Deployment("ecs-svc/" + ids.digits(19), definition);
        long interval = env.timings().reconcileInterval().toMillis();
        this.reconciler = env.scheduler().scheduleWithFixedDelay(this::reconcileSafely, 0, interval,
                TimeUnit.MILLISECONDS);
    }

    public String arn() {
        return arn;
    }

    public String cluster() {
        return cluster;
    }

    public String name() {
        return name;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public int desiredCount() {
        return spec.desiredCount();
    }

    public String taskDefinitionArn() {
        return primary.definition.arn();
    }

    /** Completes when the current deployment reached a steady state; fails with {@link ServiceDeploymentException}. */
    public CompletableFuture<Void> steadyState() {
        return primary.steady.copy();
    }

    public long runningCount() {
        return tasks.stream().filter(t -> t.status() == Task.Status.RUNNING).count();
    }

    public long pendingCount() {
        return tasks.stream().filter(t -> t.status() == Task.Status.PROVISIONING || t.status() == Task.Status.PENDING)
                .count();
    }

    /** Newest first, as {@code DescribeServices} lists them. */
    public List<ServiceEvent> events() {
        List<ServiceEvent> out = new ArrayList<>(events);
        out.sort(Comparator.comparing(ServiceEvent::createdAt).reversed());
        return out;
    }

    public List<TaskInfo> tasks() {
        return tasks.stream().map(Task::info).toList();
    }

    Optional<Task> task(String taskArn) {
        return tasks.stream().filter(t -> t.arn.equals(taskArn)).findFirst();
    }

    synchronized void update(Integer desiredCount, TaskDefinition newDefinition) {
        update(desiredCount, newDefinition, spec.loadBalancers(), spec.serviceRegistries());
    }

    /**
     * As {@link #update(Integer, TaskDefinition)}, also moving the service to other load balancers and Cloud Map
     * services. Changed bindings start a new deployment even for the same task definition, as on ECS: its tasks
     * register in the new places and the old tasks deregister from the old ones as they stop.
     */
    synchronized void update(Integer desiredCount, TaskDefinition newDefinition,
                             List<ServiceSpec.LoadBalancerBinding> loadBalancers,
                             List<ServiceSpec.RegistryBinding> serviceRegistries) {
        int desired = desiredCount == null ? spec.desiredCount() : desiredCount;
        boolean rebound = !loadBalancers.equals(spec.loadBalancers()) || !serviceRegistries.equals(spec.serviceRegistries());
        spec = new ServiceSpec(cluster, name, newDefinition == null ? spec.taskDefinitionArn() : newDefinition.arn(),
                desired, loadBalancers, serviceRegistries, spec.launchType());
        TaskDefinition definition = newDefinition == null ? primary.definition : newDefinition;
        Deployment previous = primary;
        primary = new Deployment("ecs-svc/" + ids.digits(19), definition);
        if (!previous.steady.isDone()) {
            previous.steady.completeExceptionally(new ServiceDeploymentException(
                    "deployment " + previous.id + " was replaced by a newer one"));
        }
        // tasks of the same definition carry over into the new deployment
        if (definition == previous.definition && !rebound) {
            tasks.stream().filter(t -> t.deployment == previous).forEach(t -> carriedOver.put(t, primary));
        }
    }

    /** Scales to zero and completes when every task has stopped. */
    synchronized CompletableFuture<Void> delete() {
        deleting = true;
        update(0, null);
        return deleted;
    }

    /** Stops one task (ECS StopTask); the service starts a replacement. */
    void stopTask(Task task, String reason) {
        stop(task, reason, false);
    }

    private Deployment deploymentOf(Task task) {
        Deployment carried = carriedOver.get(task);
        return carried != null ? carried : (Deployment) task.deployment;
    }

    private void reconcileSafely() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            event("reconciliation failed: " + e);
        }
    }

    private synchronized void reconcile() {
        Deployment current = primary;
        for (Task task : tasks) {
            task.drainNotes().forEach(note -> event("(service " + name + ") " + note));
            if (task.status() == Task.Status.STOPPED) {
                tasks.remove(task);
                carriedOver.remove(task);
                unregister(task);
                if (task.failedOnItsOwn()) {
                    event("(service " + name + ") has stopped 1 running tasks: (task " + task.id + "). Reason: "
                            + task.stoppedReason());
                    Deployment d = deploymentOf(task);
                    d.failedTasks++;
                    d.lastFailure = task.stoppedReason();
                    if (d == current) {
                        failIfHopeless(current, task.stoppedReason());
                    }
                }
                continue;
            }
            task.failure().ifPresent(reason -> stop(task, reason, true));
            if (task.status() == Task.Status.RUNNING) {
                register(task);
            }
        }
        if (deleting && tasks.isEmpty()) {
            reconciler.cancel(false);
            deleted.complete(null);
            return;
        }
        List<Task> active = tasks.stream().filter(t -> t.status().ordinal() <= Task.Status.RUNNING.ordinal()).toList();
        List<Task> mine = active.stream().filter(t -> deploymentOf(t) == current).toList();
        List<Task> old = active.stream().filter(t -> deploymentOf(t) != current).toList();
        int desired = spec.desiredCount();
        if (!current.steady.isCompletedExceptionally()) {
            for (int i = mine.size(); i < desired; i++) {
                launch(current);
            }
        }
        if (mine.size() > desired) {
            mine.stream().sorted(Comparator.comparing((Task t) -> t.status() == Task.Status.RUNNING))
                    .limit(mine.size() - desired).forEach(t -> stop(t, "Scaling activity initiated by (deployment "
                            + current.id + ")", false));
        }
        long ready = mine.stream().filter(this::isReady).count();
        long allowedOld = Math.max(0, desired - ready);
        old.stream().sorted(Comparator.comparing((Task t) -> t.status() == Task.Status.RUNNING))
                .limit(Math.max(0, old.size() - allowedOld))
                .forEach(t -> stop(t, "Scaling activity initiated by (deployment " + current.id + ")", false));
        boolean steady = mine.size() == desired && ready == desired
                && tasks.stream().allMatch(t -> deploymentOf(t) == current);
        if (steady && !current.steady.isDone()) {
            event("(service " + name + ") has reached a steady state.");
            current.steady.complete(null);
        }
    }

    private void failIfHopeless(Deployment deployment, String reason) {
        if (deployment.steady.isDone()) {
            return;
        }
        boolean unknownImage = reason != null && reason.startsWith("CannotPullContainerError");
        if (unknownImage || deployment.failedTasks >= CIRCUIT_BREAKER_FAILURES) {
            String message = unknownImage ? reason
                    : "ECS deployment circuit breaker: " + deployment.failedTasks + " tasks failed to start. Last reason: "
                    + reason;
            event("(service " + name + ") deployment " + deployment.id + " failed: " + message);
            deployment.steady.completeExceptionally(new ServiceDeploymentException(message));
        }
    }

    /** Running, healthy, and healthy in every target group it belongs to. */
    private boolean isReady(Task task) {
        if (!task.isServing()) {
            return false;
        }
        Registration registration = registrations.get(task);
        if (registration == null) {
            return false;
        }
        for (Map.Entry<String, Target> entry : registration.targets()) {
            boolean healthy = loadBalancers.targetGroup(entry.getKey())
                    .map(g -> g.health().stream().anyMatch(h -> h.target().equals(entry.getValue())
                            && h.state() == TargetHealth.State.HEALTHY))
                    .orElse(true);
            if (!healthy) {
                return false;
            }
        }
        return true;
    }

    private void launch(Deployment deployment) {
        String taskArn = ids.arn("ecs", "task/" + cluster + "/" + ids.hex(32));
        Task task = new Task(taskArn, cluster, name, deployment.definition, deployment, spec.launchType(), env);
        tasks.add(task);
        event("(service " + name + ") has started 1 tasks: (task " + task.id + ").");
        workers.execute(task::launch);
    }

    private void stop(Task task, String reason, boolean failure) {
        if (task.status() == Task.Status.DEACTIVATING || task.status() == Task.Status.STOPPING
                || task.status() == Task.Status.STOPPED) {
            return;
        }
        task.beginStopping();
        if (!failure) {
            event("(service " + name + ") has begun draining connections on 1 tasks: (task " + task.id + ").");
        }
        List<CompletableFuture<Void>> drains = new ArrayList<>();
        Registration registration = registrations.get(task);
        if (registration != null) {
            registration.discoveryServices().forEach(s -> cloudMap.deregisterInstance(s, task.id));
            registration.targets().forEach(e -> drains.add(loadBalancers.deregisterTarget(e.getKey(), e.getValue())));
        }
        CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new))
                .whenComplete((ok, error) -> workers.execute(() -> task.finish(reason, failure)));
    }

    private void register(Task task) {
        Registration registration = registrations.computeIfAbsent(task, this::registerNow);
        boolean serving = task.isServing();
        registration.discoveryServices().forEach(serviceId -> {
            Boolean reported = registration.reportedHealth().get(serviceId);
            if (reported == null || reported != serving) {
                cloudMap.setInstanceHealth(serviceId, task.id, serving);
                registration.reportedHealth().put(serviceId, serving);
            }
        });
        for (Map.Entry<String, Target> entry : registration.targets()) {
            loadBalancers.targetGroup(entry.getKey()).ifPresent(group -> group.health().stream()
                    .filter(h -> h.target().equals(entry.getValue()) && h.state() == TargetHealth.State.UNHEALTHY)
                    .findFirst()
                    .ifPresent(h -> stop(task, "Task failed ELB health checks in (target-group " + entry.getKey()
                            + "): " + h.reason(), true)));
        }
    }

    private Registration registerNow(Task task) {
        String ip = task.address().map(a -> a.getHostAddress()).orElseThrow();
        List<Map.Entry<String, Target>> targets = new ArrayList<>();
        for (ServiceSpec.LoadBalancerBinding lb : spec.loadBalancers()) {
            int port = task.hostPort(lb.containerName(), lb.containerPort()).orElse(lb.containerPort());
            Target target = new Target(ip, port);
            loadBalancers.registerTarget(lb.targetGroupArn(), target);
            targets.add(Map.entry(lb.targetGroupArn(), target));
            event("(service " + name + ") registered 1 targets in (target-group " + lb.targetGroupArn() + ")");
        }
        List<String> discovery = new ArrayList<>();
        for (ServiceSpec.RegistryBinding registry : spec.serviceRegistries()) {
            Map<String, String> attributes = new HashMap<>();
            attributes.put("AWS_INSTANCE_IPV4", ip);
            attributes.put("AVAILABILITY_ZONE", ids.region() + "a");
            attributes.put("AWS_INIT_HEALTH_STATUS", "HEALTHY");
            attributes.put("ECS_CLUSTER_NAME", cluster);
            attributes.put("ECS_SERVICE_NAME", name);
            attributes.put("ECS_TASK_DEFINITION_FAMILY", task.definition.family());
            attributes.put("REGION", ids.region());
            Integer port = registry.containerPort() != null && registry.containerName() != null
                    ? task.hostPort(registry.containerName(), registry.containerPort()).orElse(registry.containerPort())
                    : firstPublishedPort(task);
            if (port != null) {
                attributes.put("AWS_INSTANCE_PORT", String.valueOf(port));
            }
            cloudMap.registerInstance(registry.discoveryServiceId(), task.id, attributes, task.isServing());
            discovery.add(registry.discoveryServiceId());
        }
        return new Registration(targets, discovery, new ConcurrentHashMap<>());
    }

    /**
     * Without a container port in the registry, Cloud Map records only the address; locally we still record the
     * app's real port (it can differ from the template's when a port was taken) so SRV and the mesh can find it.
     */
    private static Integer firstPublishedPort(Task task) {
        for (ContainerSpec c : task.definition.spec().containers()) {
            for (int port : c.containerPorts()) {
                Optional<Integer> real = task.hostPort(c.name(), port);
                if (real.isPresent() && c.essential()) {
                    return real.get();
                }
            }
        }
        return null;
    }

    private void unregister(Task task) {
        Registration registration = registrations.remove(task);
        if (registration != null) {
            registration.discoveryServices().forEach(s -> cloudMap.deregisterInstance(s, task.id));
        }
    }

    private void event(String message) {
        events.add(new ServiceEvent(java.util.UUID.randomUUID().toString(), Instant.now(), message));
        while (events.size() > MAX_EVENTS) {
            events.remove(0);
        }
    }

    /** Stops every task at once, without draining: the local cloud is shutting down. */
    void shutdownNow() {
        reconciler.cancel(false);
        for (Task task : tasks) {
            Registration registration = registrations.remove(task);
            if (registration != null) {
                registration.discoveryServices().forEach(s -> cloudMap.deregisterInstance(s, task.id));
            }
            task.beginStopping();
            task.finish("Local cloud stopped", false);
        }
        tasks.clear();
        if (!primary.steady.isDone()) {
            primary.steady.completeExceptionally(new ServiceDeploymentException("the local cloud stopped"));
        }
        deleted.complete(null);
    }
}
