package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.List;
import java.util.Map;

/**
 * One container of a task definition, with the properties that change how it runs locally.
 *
 * @param containerPorts the container ports of its {@code PortMappings}
 * @param healthCheck    null when it has none
 * @param namedPorts     the port mappings that have a {@code Name} (what Service Connect's {@code PortName} means)
 * @param awsLogs        where its output goes ({@code LogConfiguration} with the {@code awslogs} driver), or null
 * @param stopTimeoutSeconds {@code StopTimeout}: how long it may take to exit after the stop signal before it is
 *                       killed (template seconds, run as a compressed timeout), or null for ECS's default
 */
public record ContainerSpec(String name, String image, boolean essential, Map<String, String> environment,
                            List<Integer> containerPorts, List<Dependency> dependsOn, HealthCheck healthCheck,
                            List<NamedPort> namedPorts, AwsLogs awsLogs, Integer stopTimeoutSeconds) {

    /** ECS's stop timeout when the container definition sets none (Fargate and the ECS agent's default). */
    public static final int DEFAULT_STOP_TIMEOUT_SECONDS = 30;

    public ContainerSpec {
        environment = Map.copyOf(environment);
        containerPorts = List.copyOf(containerPorts);
        dependsOn = List.copyOf(dependsOn);
        namedPorts = List.copyOf(namedPorts);
    }

    /** A container with ECS's default stop timeout. */
    public ContainerSpec(String name, String image, boolean essential, Map<String, String> environment,
                         List<Integer> containerPorts, List<Dependency> dependsOn, HealthCheck healthCheck,
                         List<NamedPort> namedPorts, AwsLogs awsLogs) {
        this(name, image, essential, environment, containerPorts, dependsOn, healthCheck, namedPorts, awsLogs, null);
    }

    /** Its stop timeout in template seconds: {@code StopTimeout}, or ECS's default. */
    public int stopTimeout() {
        return stopTimeoutSeconds == null ? DEFAULT_STOP_TIMEOUT_SECONDS : stopTimeoutSeconds;
    }

    /** A container whose output goes nowhere. */
    public ContainerSpec(String name, String image, boolean essential, Map<String, String> environment,
                         List<Integer> containerPorts, List<Dependency> dependsOn, HealthCheck healthCheck,
                         List<NamedPort> namedPorts) {
        this(name, image, essential, environment, containerPorts, dependsOn, healthCheck, namedPorts, null);
    }

    /** A container whose port mappings have no names. */
    public ContainerSpec(String name, String image, boolean essential, Map<String, String> environment,
                         List<Integer> containerPorts, List<Dependency> dependsOn, HealthCheck healthCheck) {
        this(name, image, essential, environment, containerPorts, dependsOn, healthCheck, List.of());
    }

    /**
     * A named port mapping ({@code PortMappings[].Name}, {@code AppProtocol}).
     *
     * @param appProtocol {@code http}, {@code http2}, {@code grpc}, or null (then Service Connect counts no
     *                    HTTP status codes)
     */
    public record NamedPort(String name, int containerPort, String appProtocol) {
    }

    /**
     * The {@code awslogs} driver's options: {@code awslogs-group}, {@code awslogs-stream-prefix} (streams are then
     * {@code prefix/container/task-id}, as on AWS) and {@code awslogs-create-group}.
     */
    public record AwsLogs(String group, String streamPrefix, boolean createGroup) {

        /** The stream a task's container writes to. */
        public String streamFor(String containerName, String taskId) {
            return (streamPrefix == null || streamPrefix.isBlank() ? "" : streamPrefix + "/") + containerName + "/"
                    + taskId;
        }
    }

    /** {@code DependsOn}: start only after {@code containerName} reached {@code condition}. */
    public record Dependency(String containerName, Condition condition) {
    }

    /** Dependency conditions; COMPLETE and SUCCESS are for short-lived containers, which local images are not. */
    public enum Condition { START, HEALTHY, COMPLETE, SUCCESS }

    /**
     * A container health check as in the task definition (seconds, template units; run compressed).
     *
     * @param command e.g. {@code ["CMD-SHELL", "curl -s http://localhost:9901/server_info | grep LIVE"]}
     */
    public record HealthCheck(List<String> command, int intervalSeconds, int timeoutSeconds, int retries,
                              int startPeriodSeconds) {
        public HealthCheck {
            command = List.copyOf(command);
        }
    }
}
