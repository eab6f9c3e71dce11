package dev.meshwalk.localcloud.provider.runtime;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.dataplane.ecs.ContainerSpec;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ProxyConfigurationSpec;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceDeploymentException;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinitionSpec;
import dev.meshwalk.localcloud.provider.EcsResources;
import dev.meshwalk.localcloud.provider.ProvisionException;
import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns ECS records into running clusters, task definitions and services. Creating or updating a service blocks
 * until the data plane reports a steady state (or fails with its reason), as CloudFormation waits for ECS.
 */
final class EcsBridge implements ResourceListener {

    private final DataPlane dataPlane;
    private final EcsResources store;
    private final Duration stabilizeTimeout;

    EcsBridge(DataPlane dataPlane, EcsResources store, Duration stabilizeTimeout) {
        this.dataPlane = dataPlane;
        this.store = store;
        this.stabilizeTimeout = stabilizeTimeout;
    }

    @Override
    public void created(ResourceRecord record) {
        switch (record.type()) {
            case EcsResources.CLUSTER -> dataPlane.ecs().createCluster(record.physicalId());
            case EcsResources.TASK_DEFINITION -> dataPlane.ecs().registerTaskDefinition(taskDefinition(record),
                    record.physicalId());
            case EcsResources.SERVICE -> {
                ServiceSpec spec = service(record);
                EcsService service = wrap(() -> dataPlane.ecs().createService(spec));
                try {
                    await(service, service.steadyState());
                } catch (ProvisionException failed) {
                    removeFailed(spec);
                    throw failed;
                }
            }
            default -> { }
        }
    }

    /**
     * A service that failed to create leaves the data plane before CloudFormation hears of the failure: the
     * rollback does not delete a resource whose create failed, and a service left running would keep its cluster
     * from being deleted (ROLLBACK_FAILED instead of ROLLBACK_COMPLETE).
     */
    private void removeFailed(ServiceSpec spec) {
        try {
            dataPlane.ecs().deleteService(spec.cluster(), spec.name()).get(stabilizeTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported with the create failure; the cluster's delete will name what is left
        }
    }

    @Override
    public void updated(ResourceRecord before, ResourceRecord after) {
        if (!after.type().equals(EcsResources.SERVICE)) {
            return;
        }
        ServiceSpec wanted = service(after);
        EcsService service = wrap(() -> dataPlane.ecs().updateService(wanted));
        await(service, service.steadyState());
    }

    @Override
    public void deleted(ResourceRecord record) {
        switch (record.type()) {
            case EcsResources.SERVICE -> {
                ServiceSpec spec = service(record);
                try {
                    dataPlane.ecs().deleteService(spec.cluster(), spec.name())
                            .get(stabilizeTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    throw new ProvisionException("Service " + spec.name() + " did not drain its tasks: " + e.getMessage());
                }
            }
            case EcsResources.TASK_DEFINITION -> dataPlane.ecs().deregisterTaskDefinition(record.physicalId());
            case EcsResources.CLUSTER -> {
                try {
                    dataPlane.ecs().deleteCluster(record.physicalId());
                } catch (IllegalStateException stillUsed) {
                    throw new ProvisionException(stillUsed.getMessage());
                }
            }
            default -> { }
        }
    }

    private void await(EcsService service, CompletableFuture<Void> steady) {
        try {
            steady.get(stabilizeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted while waiting for service " + service.name() + " to stabilize");
        } catch (ExecutionException e) {
            String reason = e.getCause() instanceof ServiceDeploymentException d ? d.getMessage() : String.valueOf(e.getCause());
            throw new ProvisionException("Service " + service.name() + " did not stabilize: " + reason);
        } catch (TimeoutException e) {
            throw new ProvisionException("Service " + service.name() + " did not stabilize within "
                    + stabilizeTimeout.toSeconds() + " s; latest events: " + service.events().stream().limit(3)
                    .map(ev -> ev.message()).toList());
        }
    }

    private static <T> T wrap(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new ProvisionException(e.getMessage());
        }
    }

    static TaskDefinitionSpec taskDefinition(ResourceRecord record) {
        Props p = new Props(record.properties());
        String arn = record.physicalId();
        String family = p.text("Family", arn.substring(arn.lastIndexOf('/') + 1, arn.lastIndexOf(':')));
        List<ContainerSpec> containers = new ArrayList<>();
        for (Props c : p.list("ContainerDefinitions")) {
            List<Integer> ports = c.list("PortMappings").stream().map(m -> m.integer("ContainerPort", 0))
                    .filter(port -> port > 0).toList();
            List<ContainerSpec.NamedPort> named = c.list("PortMappings").stream().filter(m -> m.has("Name"))
                    .map(m -> new ContainerSpec.NamedPort(m.text("Name"), m.integer("ContainerPort", 0),
                            m.text("AppProtocol"))).toList();
            List<ContainerSpec.Dependency> deps = c.list("DependsOn").stream().map(d -> new ContainerSpec.Dependency(
                    d.text("ContainerName"), ContainerSpec.Condition.valueOf(d.text("Condition", "START")
                            .toUpperCase(Locale.ROOT)))).toList();
            ContainerSpec.HealthCheck health = null;
            if (c.has("HealthCheck")) {
                Props h = c.child("HealthCheck");
                health = new ContainerSpec.HealthCheck(h.strings("Command"), h.integer("Interval", 30),
                        h.integer("Timeout", 5), h.integer("Retries", 3), h.integer("StartPeriod", 0));
            }
            ContainerSpec.AwsLogs logs = null;
            Props logConfiguration = c.child("LogConfiguration");
            if ("awslogs".equals(logConfiguration.text("LogDriver"))) {
                Props options = logConfiguration.child("Options");
                logs = new ContainerSpec.AwsLogs(options.text("awslogs-group"), options.text("awslogs-stream-prefix"),
                        options.bool("awslogs-create-group", false));
            }
            containers.add(new ContainerSpec(c.text("Name"), c.text("Image"), c.bool("Essential", true),
                    c.nameValues("Environment"), ports, deps, health, named, logs,
                    c.has("StopTimeout") ? c.integer("StopTimeout", ContainerSpec.DEFAULT_STOP_TIMEOUT_SECONDS) : null));
        }
        ProxyConfigurationSpec proxy = null;
        if (p.has("ProxyConfiguration")) {
            Props pc = p.child("ProxyConfiguration");
            proxy = new ProxyConfigurationSpec(pc.text("Type", "APPMESH"), pc.text("ContainerName"),
                    pc.nameValues("ProxyConfigurationProperties"));
        }
        return new TaskDefinitionSpec(family, containers, proxy);
    }

    private ServiceSpec service(ResourceRecord record) {
        Props p = new Props(record.properties());
        String clusterRef = p.text("Cluster", "default");
        String cluster = store.cluster(clusterRef).map(ResourceRecord::physicalId)
                .orElse(clusterRef.substring(clusterRef.lastIndexOf('/') + 1));
        String name = String.valueOf(record.attributes().get("Name"));
        List<ServiceSpec.LoadBalancerBinding> lbs = p.list("LoadBalancers").stream()
                .map(lb -> new ServiceSpec.LoadBalancerBinding(lb.text("TargetGroupArn"), lb.text("ContainerName"),
                        lb.integer("ContainerPort", 0))).toList();
        List<ServiceSpec.RegistryBinding> registries = p.list("ServiceRegistries").stream()
                .map(r -> new ServiceSpec.RegistryBinding(
                        r.text("RegistryArn").substring(r.text("RegistryArn").lastIndexOf('/') + 1),
                        r.text("ContainerName"), r.has("ContainerPort") ? r.integer("ContainerPort", 0) : null))
                .toList();
        String defaultNamespace = store.cluster(clusterRef).map(c -> new Props(c.properties())
                .child("ServiceConnectDefaults").text("Namespace")).orElse(null);
        return wrap(() -> new ServiceSpec(cluster, name, p.text("TaskDefinition"), p.integer("DesiredCount", 1), lbs,
                registries, p.text("LaunchType", ServiceSpec.DEFAULT_LAUNCH_TYPE),
                EcsServiceProps.serviceConnect(p, defaultNamespace, dataPlane.cloudMap()),
                EcsServiceProps.deployment(p)));
    }
}
