package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnectConfig;
import java.util.List;

/**
 * An ECS service to create.
 *
 * @param loadBalancers     target groups the service's tasks register in
 * @param serviceRegistries Cloud Map services the tasks register in
 * @param launchType        {@code FARGATE}, {@code EC2} or {@code EXTERNAL}: what the tasks' metadata endpoint
 *                          reports as {@code LaunchType} (locally every task runs the same way)
 * @param serviceConnect    the {@code ServiceConnectConfiguration} when enabled, else null
 * @param deployment        how new task definitions roll out ({@code DeploymentConfiguration})
 */
public record ServiceSpec(String cluster, String name, String taskDefinitionArn, int desiredCount,
                          List<LoadBalancerBinding> loadBalancers, List<RegistryBinding> serviceRegistries,
                          String launchType, ServiceConnectConfig serviceConnect, DeploymentConfigSpec deployment) {

    /** ECS's launch type when a service names none and has no capacity provider strategy. */
    public static final String DEFAULT_LAUNCH_TYPE = "EC2";
    private static final List<String> LAUNCH_TYPES = List.of("FARGATE", "EC2", "EXTERNAL");

    public ServiceSpec {
        loadBalancers = List.copyOf(loadBalancers);
        serviceRegistries = List.copyOf(serviceRegistries);
        if (desiredCount < 0) {
            throw new IllegalArgumentException("DesiredCount must be 0 or more, got " + desiredCount);
        }
        launchType = launchType == null || launchType.isBlank() ? DEFAULT_LAUNCH_TYPE
                : launchType.trim().toUpperCase(java.util.Locale.ROOT);
        if (!LAUNCH_TYPES.contains(launchType)) {
            throw new IllegalArgumentException("LaunchType must be one of " + LAUNCH_TYPES + ", got " + launchType);
        }
        deployment = deployment == null ? DeploymentConfigSpec.defaults() : deployment;
        if (deployment.strategy() == DeploymentConfigSpec.Strategy.CANARY && serviceConnect == null) {
            throw new IllegalArgumentException("InvalidParameterException: a CANARY deployment shifts traffic"
                    + " through a load balancer or Service Connect; the local cloud shifts it through Service Connect,"
                    + " which service " + name + " does not use. Add a ServiceConnectConfiguration, or deploy ROLLING.");
        }
    }

    /** A service without Service Connect, deployed with ECS's defaults (rolling). */
    public ServiceSpec(String cluster, String name, String taskDefinitionArn, int desiredCount,
                       List<LoadBalancerBinding> loadBalancers, List<RegistryBinding> serviceRegistries,
                       String launchType) {
        this(cluster, name, taskDefinitionArn, desiredCount, loadBalancers, serviceRegistries, launchType, null,
                null);
    }

    /** The same service with another task definition and desired count (what UpdateService changes). */
    ServiceSpec with(String newTaskDefinitionArn, int newDesiredCount) {
        return new ServiceSpec(cluster, name, newTaskDefinitionArn, newDesiredCount, loadBalancers, serviceRegistries,
                launchType, serviceConnect, deployment);
    }

    /** A service with ECS's default launch type ({@value #DEFAULT_LAUNCH_TYPE}). */
    public ServiceSpec(String cluster, String name, String taskDefinitionArn, int desiredCount,
                       List<LoadBalancerBinding> loadBalancers, List<RegistryBinding> serviceRegistries) {
        this(cluster, name, taskDefinitionArn, desiredCount, loadBalancers, serviceRegistries, DEFAULT_LAUNCH_TYPE);
    }

    /** {@code LoadBalancers} entry: register {@code containerName:containerPort} of each task in the group. */
    public record LoadBalancerBinding(String targetGroupArn, String containerName, int containerPort) {
    }

    /**
     * {@code ServiceRegistries} entry: register each task in the Cloud Map service; container name and port are
     * optional (only needed for SRV records).
     */
    public record RegistryBinding(String discoveryServiceId, String containerName, Integer containerPort) {
    }
}
