package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancers;
import java.util.Comparator;
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
 * current {@link Deployment} running: it launches missing tasks, replaces tasks that failed, has
 * {@link TaskRegistrations} put running tasks in their target groups and Cloud Map services (with health), and
 * rolls a new task definition out by stopping old tasks only as new ones become ready. Each deployment exposes a
 * future that completes at steady state or fails fast with the reason.
 */
public final class EcsService {

    private final String arn;
    private final String cluster;
    private final String name;
    private final AwsIds ids;
    private final TaskEnvironment env;
    private final ExecutorService workers;
    private final ServiceEvents events = new ServiceEvents();
    private final TaskRegistrations registrations;
    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    /** Tasks that moved into a newer deployment of the same task definition (a desired-count change). */
    private final Map<Task, Deployment> carriedOver = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> reconciler;
    private final CompletableFuture<Void> deleted = new CompletableFuture<>();
    private volatile ServiceSpec spec;
    private volatile Deployment primary;
    private volatile boolean deleting;

    EcsService(String arn, ServiceSpec spec, TaskDefinition definition, AwsIds ids, TaskEnvironment env,
               LoadBalancers loadBalancers, CloudMap cloudMap, ExecutorService workers) {
        this.arn = arn;
        this.cluster = spec.cluster();
        this.name = spec.name();
        this.spec = spec;
        this.ids = ids;
        this.env = env;
        this.workers = workers;
        this.registrations = new TaskRegistrations(cluster, name, ids, loadBalancers, cloudMap, events::add);
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
        return events.newestFirst();
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
        return carriedOver.getOrDefault(task, task.deployment);
    }

    private void reconcileSafely() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            events.add("reconciliation failed: " + e);
        }
    }

    private synchronized void reconcile() {
        Deployment current = primary;
        for (Task task : tasks) {
            task.drainNotes().forEach(note -> events.add("(service " + name + ") " + note));
            if (task.status() == Task.Status.STOPPED) {
                removeStopped(task, current);
                continue;
            }
            task.failure().ifPresent(reason -> stop(task, reason, true));
            if (task.status() == Task.Status.RUNNING) {
                registrations.register(task, spec).ifPresent(reason -> stop(task, reason, true));
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
        String scaling = "Scaling activity initiated by (deployment " + current.id + ")";
        if (mine.size() > desired) {
            mine.stream().sorted(Comparator.comparing((Task t) -> t.status() == Task.Status.RUNNING))
                    .limit(mine.size() - desired).forEach(t -> stop(t, scaling, false));
        }
        long ready = mine.stream().filter(this::isReady).count();
        long allowedOld = Math.max(0, desired - ready);
        old.stream().sorted(Comparator.comparing((Task t) -> t.status() == Task.Status.RUNNING))
                .limit(Math.max(0, old.size() - allowedOld))
                .forEach(t -> stop(t, scaling, false));
        boolean steady = mine.size() == desired && ready == desired
                && tasks.stream().allMatch(t -> deploymentOf(t) == current);
        if (steady && !current.steady.isDone()) {
            events.add("(service " + name + ") has reached a steady state.");
            current.steady.complete(null);
        }
    }

    /** Drops a stopped task; one that failed on its own counts against the deployment that launched it. */
    private void removeStopped(Task task, Deployment current) {
        tasks.remove(task);
        carriedOver.remove(task);
        registrations.forget(task);
        if (!task.failedOnItsOwn()) {
            return;
        }
        String reason = task.stoppedReason();
        events.add("(service " + name + ") has stopped 1 running tasks: (task " + task.id + "). Reason: " + reason);
        task.deployment.taskFailed();
        if (task.deployment == current) {
            current.hopeless(reason).ifPresent(message -> {
                events.add("(service " + name + ") deployment " + current.id + " failed: " + message);
                current.steady.completeExceptionally(new ServiceDeploymentException(message));
            });
        }
    }

    /** Running, healthy, and healthy in every target group it belongs to. */
    private boolean isReady(Task task) {
        return task.isServing() && registrations.healthyEverywhere(task);
    }

    private void launch(Deployment deployment) {
        String taskArn = ids.arn("ecs", "task/" + cluster + "/" + ids.hex(32));
        Task task = new Task(taskArn, cluster, name, deployment.definition, deployment, spec.launchType(), env);
        tasks.add(task);
        events.add("(service " + name + ") has started 1 tasks: (task " + task.id + ").");
        workers.execute(task::launch);
    }

    private void stop(Task task, String reason, boolean failure) {
        if (task.status() == Task.Status.DEACTIVATING || task.status() == Task.Status.STOPPING
                || task.status() == Task.Status.STOPPED) {
            return;
        }
        task.beginStopping();
        if (!failure) {
            events.add("(service " + name + ") has begun draining connections on 1 tasks: (task " + task.id + ").");
        }
        registrations.drain(task).whenComplete((ok, error) -> workers.execute(() -> task.finish(reason, failure)));
    }

    /** Stops every task at once, without draining: the local cloud is shutting down. */
    void shutdownNow() {
        reconciler.cancel(false);
        for (Task task : tasks) {
            registrations.forget(task);
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
