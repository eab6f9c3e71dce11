package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.List;

/**
 * An ECS service to create.
 *
 * @param loadBalancers     target groups the service's tasks register in
 * @param serviceRegistries Cloud Map services the tasks register in
 */
public record ServiceSpec(String cluster, String name, String taskDefinitionArn, int desiredCount,
                          List<LoadBalancerBinding> loadBalancers, List<RegistryBinding> serviceRegistries) {

    public ServiceSpec {
        loadBalancers = List.copyOf(loadBalancers);
        serviceRegistries = List.copyOf(serviceRegistries);
        if (desiredCount < 0) {
            throw new IllegalArgumentException("DesiredCount must be 0 or more, got " + desiredCount);
        }
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
