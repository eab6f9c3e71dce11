package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancers;
import dev.meshwalk.localcloud.dataplane.elb.Target;
import dev.meshwalk.localcloud.dataplane.elb.TargetHealth;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where a service's running tasks are registered: as targets in the service's target groups and as instances in
 * its Cloud Map services, with the attributes ECS sets ({@code AWS_INSTANCE_IPV4}, {@code ECS_SERVICE_NAME}, ...)
 * and the task's health kept current. Remembers each registration so it is undone exactly once.
 */
final class TaskRegistrations {

    /** Where a task is registered. */
    private record Registration(List<Map.Entry<String, Target>> targets, List<String> discoveryServices,
                                boolean serviceConnect, Map<String, Boolean> reportedHealth) {
    }

    /** The key under which a Service Connect registration's reported health is kept. */
    private static final String SERVICE_CONNECT = "service-connect";

    private final String cluster;
    private final String serviceName;
    private final AwsIds ids;
    private final LoadBalancers loadBalancers;
    private final CloudMap cloudMap;
    private final ServiceConnect serviceConnect;
    private final Consumer<String> events;
    private final Map<Task, Registration> registrations = new ConcurrentHashMap<>();

    /** @param events where to write the service events a registration produces */
    TaskRegistrations(String cluster, String serviceName, AwsIds ids, LoadBalancers loadBalancers, CloudMap cloudMap,
                      ServiceConnect serviceConnect, Consumer<String> events) {
        this.serviceConnect = serviceConnect;
        this.cluster = cluster;
        this.serviceName = serviceName;
        this.ids = ids;
        this.loadBalancers = loadBalancers;
        this.cloudMap = cloudMap;
        this.events = events;
    }

    /**
     * Registers a running task on first sight and reports its current health to Cloud Map; returns why it must
     * stop when a load balancer found it unhealthy.
     */
    Optional<String> register(Task task, ServiceSpec spec) {
        Registration registration = registrations.computeIfAbsent(task, t -> registerNow(t, spec));
        boolean serving = task.isServing();
        registration.discoveryServices().forEach(serviceId -> {
            Boolean reported = registration.reportedHealth().get(serviceId);
            if (reported == null || reported != serving) {
                cloudMap.setInstanceHealth(serviceId, task.id, serving);
                registration.reportedHealth().put(serviceId, serving);
            }
        });
        if (registration.serviceConnect() && !Boolean.valueOf(serving).equals(
                registration.reportedHealth().put(SERVICE_CONNECT, serving))) {
            serviceConnect.setHealth(cluster, serviceName, task.id, serving);
        }
        for (Map.Entry<String, Target> entry : registration.targets()) {
            Optional<TargetHealth> unhealthy = loadBalancers.targetGroup(entry.getKey()).flatMap(group ->
                    group.health().stream()
                            .filter(h -> h.target().equals(entry.getValue()) && h.state() == TargetHealth.State.UNHEALTHY)
                            .findFirst());
            if (unhealthy.isPresent()) {
                return Optional.of("Task failed ELB health checks in (target-group " + entry.getKey() + "): "
                        + unhealthy.get().reason());
            }
        }
        return Optional.empty();
    }

    /** Registered, and healthy in every target group it belongs to. */
    boolean healthyEverywhere(Task task) {
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

    /**
     * Takes a stopping task out of discovery and starts draining its targets; completes when every target
     * group let it go (after its deregistration delay).
     */
    CompletableFuture<Void> drain(Task task) {
        List<CompletableFuture<Void>> drains = new ArrayList<>();
        Registration registration = registrations.get(task);
        if (registration != null) {
            registration.discoveryServices().forEach(s -> cloudMap.deregisterInstance(s, task.id));
            serviceConnect.deregisterTask(cluster, serviceName, task.id);
            registration.targets().forEach(e -> drains.add(loadBalancers.deregisterTarget(e.getKey(), e.getValue())));
        }
        return CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new));
    }

    /** Forgets a stopped task, taking it out of discovery if it still is there. */
    void forget(Task task) {
        Registration registration = registrations.remove(task);
        if (registration != null) {
            registration.discoveryServices().forEach(s -> cloudMap.deregisterInstance(s, task.id));
            serviceConnect.deregisterTask(cluster, serviceName, task.id);
        }
    }

    private Registration registerNow(Task task, ServiceSpec spec) {
        String ip = task.address().map(a -> a.getHostAddress()).orElseThrow();
        List<Map.Entry<String, Target>> targets = new ArrayList<>();
        for (ServiceSpec.LoadBalancerBinding lb : spec.loadBalancers()) {
            int port = task.hostPort(lb.containerName(), lb.containerPort()).orElse(lb.containerPort());
            Target target = new Target(ip, port);
            loadBalancers.registerTarget(lb.targetGroupArn(), target);
            targets.add(Map.entry(lb.targetGroupArn(), target));
            events.accept("(service " + serviceName + ") registered 1 targets in (target-group " + lb.targetGroupArn() + ")");
        }
        List<String> discovery = new ArrayList<>();
        for (ServiceSpec.RegistryBinding registry : spec.serviceRegistries()) {
            Map<String, String> attributes = new HashMap<>();
            attributes.put("AWS_INSTANCE_IPV4", ip);
            attributes.put("AVAILABILITY_ZONE", ids.region() + "a");
            attributes.put("AWS_INIT_HEALTH_STATUS", "HEALTHY");
            attributes.put("ECS_CLUSTER_NAME", cluster);
            attributes.put("ECS_SERVICE_NAME", serviceName);
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
        boolean serviceConnected = spec.serviceConnect() != null && !spec.serviceConnect().services().isEmpty();
        if (serviceConnected) {
            serviceConnect.registerTask(cluster, serviceName, task.definition.arn(), task.id, namedAppPorts(task),
                    task.isServing());
            events.accept("(service " + serviceName + ") registered 1 tasks in Service Connect namespace "
                    + spec.serviceConnect().namespace() + ": (task " + task.id + ").");
        }
        return new Registration(targets, discovery, serviceConnected, new ConcurrentHashMap<>());
    }

    /** Port name -> port the app really listens on, for the task's named port mappings. */
    private static Map<String, Integer> namedAppPorts(Task task) {
        Map<String, Integer> ports = new HashMap<>();
        for (ContainerSpec c : task.definition.spec().containers()) {
            for (ContainerSpec.NamedPort named : c.namedPorts()) {
                ports.put(named.name(), task.hostPort(c.name(), named.containerPort()).orElse(named.containerPort()));
            }
        }
        return ports;
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
}
