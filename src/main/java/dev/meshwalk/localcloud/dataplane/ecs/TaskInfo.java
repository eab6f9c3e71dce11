package dev.meshwalk.localcloud.dataplane.ecs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code DescribeTasks} shows about a task, as a snapshot.
 *
 * @param address       the task's own loopback address (its "ENI")
 * @param hostPorts     "container:containerPort" -> port reachable on {@code address}
 * @param health        HEALTHY, UNHEALTHY or UNKNOWN
 * @param stopCode      ECS's code for why it stopped ({@link StopCode#wire()}), null until it stops
 * @param desiredStatus RUNNING, or STOPPED once something asked it to stop
 * @param startedBy     the service deployment that launched it ({@code ecs-svc/<digits>})
 * @param containers    every container of its task definition, in definition order
 * @param startedAt     when it became RUNNING (null before); {@code stoppingAt}, {@code stoppedAt} likewise
 */
public record TaskInfo(String taskArn, String cluster, String serviceName, String taskDefinitionArn,
                       String lastStatus, String health, String address, Map<String, Integer> hostPorts,
                       String stoppedReason, String stopCode, String desiredStatus, String startedBy, String launchType,
                       List<ContainerInfo> containers, Instant createdAt, Instant startedAt, Instant stoppingAt,
                       Instant stoppedAt) {

    public TaskInfo {
        containers = List.copyOf(containers);
    }

    /**
     * One container of the task.
     *
     * @param lastStatus PENDING (not started yet), RUNNING or STOPPED
     * @param health     HEALTHY, UNHEALTHY or UNKNOWN (UNKNOWN also when it has no health check)
     * @param exitCode   once stopped: what it exited with (137 when killed after its stop timeout), null if unknown
     * @param reason     its own reason, e.g. the image it could not pull; null when it has none
     */
    public record ContainerInfo(String name, String image, String lastStatus, String health, boolean essential,
                                Integer exitCode, String reason) {
    }
}
