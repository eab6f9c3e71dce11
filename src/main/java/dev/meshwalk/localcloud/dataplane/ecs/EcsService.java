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
    private static final StopCode SCHEDULER = StopCode.SERVICE_SCHEDULER_INITIATED;
    private final StoppedTasks stopped = new StoppedTasks();
    /** Tasks that moved into a newer deployment of the same task definition (a desired-count change). */
    private final Map<Task, Deployment> carriedOver = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> reconciler;
    private final CompletableFuture<Void> deleted = new CompletableFuture<>();
    /** Every deployment of the service, oldest first (a service keeps its last few); Ecs saves it across restarts. */
    final DeploymentHistory history;
    private final TrafficSplit split;
    private final DeploymentEndings endings;
    private volatile ServiceSpec spec;
    private volatile Deployment primary;
    private volatile boolean deleting;

    EcsService(String arn, ServiceSpec spec, TaskDefinition definition, AwsIds ids, TaskEnvironment env,
               LoadBalancers loadBalancers, CloudMap cloudMap, ExecutorService workers, List<Deployment> earlier) {
        this.arn = arn;
        this.cluster = spec.cluster();
        this.name = spec.name();
        this.spec = spec;
        this.ids = ids;
        this.env = env;
        this.workers = workers;
        this.registrations = new TaskRegistrations(cluster, name, ids, loadBalancers, cloudMap, env.serviceConnect(),
                events::add);
        this.history = new DeploymentHistory(cluster, name, ids);
        this.split = new TrafficSplit(env.serviceConnect(), cluster, name, events::add);
        this.endings = new DeploymentEndings(name, history, events, split, env);
        this.primary = history.first(definition, spec.deployment(), earlier); // earlier: DeploymentHistory#first
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

    /** The last tasks that stopped and left the service, oldest first. */
    public List<TaskInfo> stoppedTasks() {
        return stopped.all();
    }

    Optional<Task> task(String taskArn) {
        return tasks.stream().filter(t -> t.arn.equals(taskArn)).findFirst();
    }

    synchronized void update(Integer desiredCount, TaskDefinition newDefinition) {
        int desired = desiredCount == null ? spec.desiredCount() : desiredCount;
        TaskDefinition definition = newDefinition == null ? primary.definition : newDefinition;
        update(spec.with(definition.arn(), desired), definition);
    }

    /**
     * Starts a new deployment of {@code wanted} (task definition, count, Service Connect and deployment
     * configuration): the previous one, if unfinished, is stopped; tasks of the same definition carry over unless
     * the service moved to other load balancers or Cloud Map services.
     */
    synchronized void update(ServiceSpec wanted, TaskDefinition definition) {
        update(wanted, definition, true);
    }

    /**
     * UpdateService with {@code forceNewDeployment}: a new deployment of the same task definition that replaces
     * every task (none carries over), rolling as usual.
     */
    synchronized void forceNewDeployment(Integer desiredCount) {
        int desired = desiredCount == null ? spec.desiredCount() : desiredCount;
        update(spec.with(primary.definition.arn(), desired), primary.definition, false);
    }

    /**
     * StopServiceDeployment (stop type ROLLBACK): rolls the service's deployment in progress back to the revision it
     * replaces, as an alarm would. Empty when it did; otherwise why not, in ECS's words.
     */
    public synchronized Optional<String> rollBackDeployment(String serviceDeploymentArn) {
        Optional<String> refused = DeploymentEndings.notStoppable(primary, serviceDeploymentArn);
        if (refused.isPresent()) {
            return refused;
        }
        return rollBack(primary, "Service deployment stopped by user (StopServiceDeployment)") ? Optional.empty()
                : Optional.of("The service deployment " + serviceDeploymentArn + " has no previous revision to roll"
                + " back to.");
    }

    private void update(ServiceSpec wanted, TaskDefinition definition, boolean carryOverTasks) {
        // other load balancers or Cloud Map services (an in-place update on ECS): every task rolls over, even of the
        // same definition, so the new tasks register there and the old ones deregister as they stop
        boolean rebound = !wanted.loadBalancers().equals(spec.loadBalancers())
                || !wanted.serviceRegistries().equals(spec.serviceRegistries());
        spec = wanted;
        Deployment previous = primary;
        List<TaskDefinition> sources = tasks.stream().filter(t -> t.status().ordinal() <= Task.Status.RUNNING.ordinal())
                .map(t -> deploymentOf(t).definition).distinct().toList();
        primary = history.start(definition, wanted.deployment(), sources, false);
        endings.replaced(previous, primary);
        if (carryOverTasks && !rebound) {
            carryOver(definition, primary);
        }
    }

    /** Service deployments, newest first, as {@code ListServiceDeployments} lists them. */
    public List<ServiceDeployment> serviceDeployments() {
        return history.snapshots(arn, spec.desiredCount(), DeploymentHistory.taskCounts(tasks, this::deploymentOf));
    }

    /** The Service Connect split now (task definition ARN -> weight); empty when traffic reaches every task. */
    public Map<String, Integer> trafficSplit() {
        return split.now();
    }

    /** Tasks running {@code definition} belong to {@code deployment} from now on. */
    private void carryOver(TaskDefinition definition, Deployment deployment) {
        tasks.stream().filter(t -> deploymentOf(t).definition == definition && deploymentOf(t) != deployment)
                .forEach(t -> carriedOver.put(t, deployment));
    }

    /** Scales to zero and completes when every task has stopped. */
    synchronized CompletableFuture<Void> delete() {
        deleting = true;
        update(0, null);
        return deleted;
    }

    /** Stops one task (ECS StopTask); the service starts a replacement. */
    void stopTask(Task task, String reason) {
        stop(task, reason, false, StopCode.USER_INITIATED);
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
            task.failure().ifPresent(reason -> stop(task, reason, true, reason.startsWith("Essential container")
                    ? StopCode.ESSENTIAL_CONTAINER_EXITED : StopCode.SERVICE_SCHEDULER_INITIATED));
            if (task.status() == Task.Status.RUNNING) {
                registrations.register(task, spec).ifPresent(reason -> stop(task, reason, true, SCHEDULER));
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
        Optional<String> alarms = endings.alarmsFiring(current);
        if (alarms.isPresent() && rollBack(current, alarms.get())) {
            return;
        }
        if (!current.steady.isCompletedExceptionally()) {
            for (int i = mine.size(); i < desired; i++) {
                launch(current);
            }
        }
        String scaling = "Scaling activity initiated by (deployment " + current.id + ")";
        if (mine.size() > desired) {
            mine.stream().sorted(Comparator.comparing((Task t) -> t.status() == Task.Status.RUNNING))
                    .limit(mine.size() - desired).forEach(t -> stop(t, scaling, false, SCHEDULER));
        }
        long ready = mine.stream().filter(this::isReady).count();
        boolean canary = current.isCanary() && !current.steady.isDone();
        if (canary) {
            CanaryPhases.advance(current, ready, desired, env.timings(), java.time.Instant.now());
        }
        split.apply(current, spec);
        long allowedOld = canary && !CanaryPhases.cleaningUp(current) ? old.size() : Math.max(0, desired - ready);
        old.stream().sorted(Comparator.comparing((Task t) -> t.status() == Task.Status.RUNNING))
                .limit(Math.max(0, old.size() - allowedOld))
                .forEach(t -> stop(t, scaling, false, SCHEDULER));
        boolean steady = mine.size() == desired && ready == desired
                && tasks.stream().allMatch(t -> deploymentOf(t) == current);
        if (steady && !current.steady.isDone()) {
            endings.steady(current);
        }
    }

    /**
     * Rolls a failed deployment back to the revision it replaced: traffic returns to it at once, its tasks carry
     * over into the rollback deployment, the failed revision's tasks stop. False when there is nothing to roll back
     * to, so the caller fails it instead.
     */
    private boolean rollBack(Deployment failed, String why) {
        Optional<Deployment> rollback = endings.startRollback(failed, why, spec.deployment());
        rollback.ifPresent(back -> {
            spec = spec.with(back.definition.arn(), spec.desiredCount());
            primary = back;
            carryOver(back.definition, back);
            split.apply(back, spec);
            failed.steady.completeExceptionally(new ServiceDeploymentException(failed.statusReason));
        });
        return rollback.isPresent();
    }

    /** Drops a stopped task; one that failed on its own counts against the deployment that launched it. */
    private void removeStopped(Task task, Deployment current) {
        // The event and the stopped list are written before the task leaves the list (a volatile write), so a
        // reader on another thread that no longer sees the task also sees why it stopped.
        String reason = task.failedOnItsOwn() ? task.stoppedReason() : null;
        if (reason != null) {
            events.add("(service " + name + ") has stopped 1 running tasks: (task " + task.id + "). Reason: " + reason);
        }
        stopped.add(task.info());
        tasks.remove(task);
        carriedOver.remove(task);
        registrations.forget(task);
        if (reason == null) {
            return;
        }
        task.deployment.taskFailed();
        if (task.deployment == current) {
            current.hopeless(reason, spec.desiredCount()).ifPresent(message -> {
                if (!current.config.circuitBreakerRollback() || !rollBack(current, message)) {
                    endings.failed(current, message);
                }
            });
        }
    }

    /** Running, healthy, and healthy in every target group it belongs to. */
    private boolean isReady(Task task) {
        return task.isServing() && registrations.healthyEverywhere(task);
    }

    private void launch(Deployment deployment) {
        String taskArn = ids.arn("ecs", "task/" + cluster + "/" + AwsIds.hex(32));
        Task task = new Task(taskArn, cluster, name,
                ServiceConnectAgent.addTo(deployment.definition, spec.serviceConnect(), AwsIds.hex(4)), deployment,
                spec.launchType(), env);
        tasks.add(task);
        events.add("(service " + name + ") has started 1 tasks: (task " + task.id + ").");
        workers.execute(task::launch);
    }

    private void stop(Task task, String reason, boolean failure, StopCode code) {
        if (task.status() == Task.Status.DEACTIVATING || task.status() == Task.Status.STOPPING
                || task.status() == Task.Status.STOPPED) {
            return;
        }
        task.beginStopping(reason, code);
        if (!failure) {
            events.add("(service " + name + ") has begun draining connections on 1 tasks: (task " + task.id + ").");
        }
        registrations.drain(task).whenComplete((ok, error) -> workers.execute(() -> task.finish(reason, failure, code)));
    }

    /** Stops every task at once, without draining: the local cloud is shutting down. */
    void shutdownNow() {
        reconciler.cancel(false);
        for (Task task : tasks) {
            registrations.forget(task);
            task.beginStopping("Local cloud stopped", StopCode.SERVICE_SCHEDULER_INITIATED);
            task.finish("Local cloud stopped", false, StopCode.SERVICE_SCHEDULER_INITIATED);
        }
        tasks.clear();
        if (!primary.steady.isDone()) {
            primary.steady.completeExceptionally(new ServiceDeploymentException("the local cloud stopped"));
        }
        deleted.complete(null);
    }
}
