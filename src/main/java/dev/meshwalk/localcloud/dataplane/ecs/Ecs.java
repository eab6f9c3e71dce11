package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.logs.LogStore;
import dev.meshwalk.localcloud.dataplane.AlarmStates;
import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnect;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.mesh.MeshProxy;
import dev.meshwalk.localcloud.dataplane.net.LoopbackAddressPool;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.util.EnumMap;
import java.util.concurrent.ScheduledExecutorService;
import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Amazon ECS on loopback: clusters, task definitions, services that keep their tasks running, and tasks that
 * run the containers' local programs. Shaped like the ECS API so the CloudFormation providers map onto it
 * one-to-one.
 */
public final class Ecs implements AutoCloseable {

    private final AwsIds ids;
    private final TaskEnvironment env;
    private final LoadBalancers loadBalancers;
    private final CloudMap cloudMap;
    private final ExecutorService workers;
    private final Set<String> clusters = ConcurrentHashMap.newKeySet();
    private final Map<String, TaskDefinition> taskDefinitions = new ConcurrentHashMap<>();
    private final Map<String, Integer> revisions = new ConcurrentHashMap<>();
    private final Map<String, EcsService> services = new ConcurrentHashMap<>();
    /** Deployment histories of services a restart brings back, by service ARN, until each service is created. */
    private final Map<String, List<SavedDeployment>> remembered = new ConcurrentHashMap<>();

    /**
     * Wires ECS to the rest of the data plane.
     *
     * @param workers    bounded pool that launches and stops tasks (container starts may wait on dependencies)
     * @param dnsServer  {@code host:port} of the local DNS server, given to apps as {@code DNS_SERVER}
     */
    public static Ecs create(AwsIds ids, LocalTimings timings, ImageMap imageMap, AppCatalog apps,
                             TelemetrySidecars telemetry, MeshProxy.Services meshServices,
                             LoopbackAddressPool addresses, ScheduledExecutorService scheduler, Upstream upstream,
                             String dnsServer, LoadBalancers loadBalancers, CloudMap cloudMap, ExecutorService workers,
                             ServiceConnect serviceConnect, AlarmStates alarms, LogStore logs) {
        Map<ContainerKind, ContainerProgram> programs = new EnumMap<>(ContainerKind.class);
        programs.put(ContainerKind.FRONT_APP, new AppProgram(apps.front()));
        programs.put(ContainerKind.COLOR_APP, new AppProgram(apps.color()));
        programs.put(ContainerKind.XRAY_DAEMON, launch -> telemetry.start(ContainerKind.XRAY_DAEMON, launch));
        programs.put(ContainerKind.CLOUDWATCH_AGENT, launch -> telemetry.start(ContainerKind.CLOUDWATCH_AGENT, launch));
        programs.put(ContainerKind.MESH_PROXY, new MeshProxyProgram(meshServices));
        programs.put(ContainerKind.SERVICE_CONNECT_PROXY, new ServiceConnectAgent(serviceConnect));
        TaskEnvironment env = new TaskEnvironment(imageMap, programs, addresses, scheduler, upstream, timings, dnsServer,
                ids, new TaskMetadataEndpoint(meshServices.listeners()), serviceConnect, alarms, logs);
        return new Ecs(ids, env, loadBalancers, cloudMap, workers);
    }

    private Ecs(AwsIds ids, TaskEnvironment env, LoadBalancers loadBalancers, CloudMap cloudMap, ExecutorService workers) {
        this.ids = ids;
        this.env = env;
        this.loadBalancers = loadBalancers;
        this.cloudMap = cloudMap;
        this.workers = workers;
    }

    /** Creates (or finds) a cluster; returns its ARN. */
    public String createCluster(String name) {
        clusters.add(name);
        return clusterArn(name);
    }

    /** Deletes a cluster; like ECS, refuses while it has services. */
    public void deleteCluster(String name) {
        if (services.values().stream().anyMatch(s -> s.cluster().equals(name))) {
            throw new IllegalStateException("cluster " + name + " still has services; delete them first");
        }
        clusters.remove(name);
    }

    /** The clusters' names, sorted. */
    public List<String> clusterNames() {
        return clusters.stream().sorted().toList();
    }

    /** Every registered (active) task definition revision. */
    public List<TaskDefinition> taskDefinitions() {
        return List.copyOf(taskDefinitions.values());
    }

    public String clusterArn(String name) {
        return ids.arn("ecs", "cluster/" + name);
    }

    /** Registers a new revision of the family. */
    public TaskDefinition registerTaskDefinition(TaskDefinitionSpec spec) {
        int revision = revisions.merge(spec.family(), 1, Integer::sum);
        return registerTaskDefinition(spec, ids.arn("ecs", "task-definition/" + spec.family() + ":" + revision));
    }

    /** Registers a revision whose ARN ({@code ...:task-definition/<family>:<revision>}) the control plane chose. */
    public TaskDefinition registerTaskDefinition(TaskDefinitionSpec spec, String arn) {
        int colon = arn.lastIndexOf(':');
        int revision = colon > 0 && arn.substring(colon + 1).matches("\\d+") ? Integer.parseInt(arn.substring(colon + 1)) : 1;
        TaskDefinition definition = new TaskDefinition(arn, spec.family(), revision, spec);
        taskDefinitions.put(arn, definition);
        revisions.merge(spec.family(), revision, Math::max); // the API's next revision comes after this one
        return definition;
    }

    /** Marks a revision inactive; tasks already running keep running, as on ECS. */
    public void deregisterTaskDefinition(String arn) {
        taskDefinitions.remove(arn);
    }

    public Optional<TaskDefinition> taskDefinition(String arn) {
        return Optional.ofNullable(taskDefinitions.get(arn));
    }

    /**
     * Creates a service and starts its first deployment; wait on {@link EcsService#steadyState()} for the
     * outcome.
     */
    public EcsService createService(ServiceSpec spec) {
        if (!clusters.contains(spec.cluster())) {
            throw new NoSuchElementException("ClusterNotFoundException: cluster " + spec.cluster()
                    + " does not exist; create it first");
        }
        TaskDefinition definition = requireDefinition(spec.taskDefinitionArn());
        String key = key(spec.cluster(), spec.name());
        if (services.containsKey(key)) {
            throw new IllegalStateException("service " + spec.name() + " already exists in cluster " + spec.cluster());
        }
        String arn = ids.arn("ecs", "service/" + spec.cluster() + "/" + spec.name());
        if (spec.serviceConnect() != null) {
            env.serviceConnect().join(spec.cluster(), spec.name(), spec.serviceConnect());
        }
        List<SavedDeployment> earlier = Optional.ofNullable(remembered.remove(arn)).orElse(List.of());
        EcsService service = new EcsService(arn, spec, definition, ids, env, loadBalancers, cloudMap, workers,
                earlier.stream().map(d -> Deployment.restored(d, this::definitionOrStandIn)).toList());
        services.put(key, service);
        return service;
    }

    /**
     * Changes a service's desired count and/or task definition (null keeps the current one). A new task definition
     * rolls tasks over: new tasks must be healthy before old ones stop. Returns the service, whose
     * {@link EcsService#steadyState()} now follows the new deployment.
     */
    public EcsService updateService(String cluster, String name, Integer desiredCount, String taskDefinitionArn) {
        EcsService service = requireService(cluster, name);
        TaskDefinition definition = taskDefinitionArn == null ? null : requireDefinition(taskDefinitionArn);
        if (desiredCount != null && desiredCount < 0) {
            throw new IllegalArgumentException("DesiredCount must be 0 or more, got " + desiredCount);
        }
        service.update(desiredCount, definition);
        return service;
    }

    /**
     * Starts a new deployment with everything {@code wanted} says: task definition, desired count, Service Connect
     * and deployment configuration (a CloudFormation update). Returns the service, whose
     * {@link EcsService#steadyState()} follows the new deployment.
     */
    public EcsService updateService(ServiceSpec wanted) {
        EcsService service = requireService(wanted.cluster(), wanted.name());
        TaskDefinition definition = requireDefinition(wanted.taskDefinitionArn());
        if (wanted.serviceConnect() != null) {
            env.serviceConnect().join(wanted.cluster(), wanted.name(), wanted.serviceConnect());
        } else if (service.spec().serviceConnect() != null) {
            env.serviceConnect().leave(wanted.cluster(), wanted.name());
        }
        service.update(wanted, definition);
        return service;
    }

    /** UpdateService with {@code forceNewDeployment}: replaces every task of the service in a new deployment. */
    public EcsService forceNewDeployment(String cluster, String name, Integer desiredCount) {
        EcsService service = requireService(cluster, name);
        if (desiredCount != null && desiredCount < 0) {
            throw new IllegalArgumentException("DesiredCount must be 0 or more, got " + desiredCount);
        }
        service.forceNewDeployment(desiredCount);
        return service;
    }

    /** Scales the service to zero, drains and stops its tasks; the future completes once all are stopped. */
    public CompletableFuture<Void> deleteService(String cluster, String name) {
        EcsService service = services.get(key(cluster, name));
        if (service == null) {
            return CompletableFuture.completedFuture(null);
        }
        return service.delete().whenComplete((ok, error) -> {
            services.remove(key(cluster, name), service);
            env.serviceConnect().leave(cluster, name);
        });
    }

    public Optional<EcsService> service(String cluster, String name) {
        return Optional.ofNullable(services.get(key(cluster, name)));
    }

    public List<EcsService> services() {
        return List.copyOf(services.values());
    }

    /** Every task of every service. */
    public List<TaskInfo> tasks() {
        List<TaskInfo> out = new ArrayList<>();
        services.values().forEach(s -> out.addAll(s.tasks()));
        return out;
    }

    /** ECS StopTask: the task drains and stops; its service starts a replacement. False if no such task. */
    public boolean stopTask(String taskArn, String reason) {
        for (EcsService service : services.values()) {
            Optional<Task> task = service.task(taskArn);
            if (task.isPresent()) {
                service.stopTask(task.get(), reason == null ? "Task stopped by user" : reason);
                return true;
            }
        }
        return false;
    }

    /**
     * What ECS remembers beyond the stacks (revision numbers, deployment histories), for a restart to bring back.
     * Services not created again yet keep their remembered history in it.
     */
    public EcsMemory memory() {
        Map<String, List<SavedDeployment>> deployments = new java.util.TreeMap<>(remembered);
        services.values().forEach(s -> deployments.put(s.arn(), s.history.saved()));
        return new EcsMemory(new java.util.TreeMap<>(revisions), deployments);
    }

    /**
     * Takes back what a previous local cloud remembered; call before its stacks are restored. Revision numbers go on
     * from the last ones; a service created with a remembered ARN gets its deployment history back.
     */
    public void remember(EcsMemory memory) {
        memory.revisions().forEach((family, last) -> revisions.merge(family, last, Math::max));
        remembered.putAll(memory.deployments());
    }

    /** The registered revision, or a stand-in with only its ARN for one a restored history names but that is gone. */
    private TaskDefinition definitionOrStandIn(String arn) {
        TaskDefinition known = taskDefinitions.get(arn);
        if (known != null) {
            return known;
        }
        int colon = arn.lastIndexOf(':');
        int slash = arn.lastIndexOf('/');
        String family = slash >= 0 && colon > slash ? arn.substring(slash + 1, colon) : arn;
        int revision = colon > 0 && arn.substring(colon + 1).matches("\\d+") ? Integer.parseInt(arn.substring(colon + 1)) : 0;
        return new TaskDefinition(arn, family, revision, null);
    }

    private TaskDefinition requireDefinition(String arn) {
        TaskDefinition definition = taskDefinitions.get(arn);
        if (definition == null) {
            throw new NoSuchElementException("task definition " + arn + " is not registered (or was deregistered)");
        }
        return definition;
    }

    private EcsService requireService(String cluster, String name) {
        EcsService service = services.get(key(cluster, name));
        if (service == null) {
            throw new NoSuchElementException("ServiceNotFoundException: service " + name + " not found in cluster "
                    + cluster);
        }
        return service;
    }

    private static String key(String cluster, String name) {
        return cluster + "/" + name;
    }

    /** Stops every task immediately (no draining), then the task metadata endpoint. */
    @Override
    public void close() {
        services.values().forEach(EcsService::shutdownNow);
        services.clear();
        env.metadata().close();
    }
}
