package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.Map;

/**
 * What {@code DescribeTasks} would show about a task.
 *
 * @param address   the task's own loopback address (its "ENI")
 * @param hostPorts "container:containerPort" -> port reachable on {@code address}
 * @param health    HEALTHY, UNHEALTHY or UNKNOWN
 */
public record TaskInfo(String taskArn, String cluster, String serviceName, String taskDefinitionArn,
                       String lastStatus, String health, String address, Map<String, Integer> hostPorts,
                       String stoppedReason) {
}
