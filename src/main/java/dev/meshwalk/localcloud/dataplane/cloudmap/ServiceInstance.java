package dev.meshwalk.localcloud.dataplane.cloudmap;

import java.util.Map;

/**
 * A registered instance with its attributes ({@code AWS_INSTANCE_IPV4}, {@code AWS_INSTANCE_PORT},
 * {@code ECS_TASK_DEFINITION_FAMILY}, ...) and its health (custom health, reported by whoever registered it).
 */
public record ServiceInstance(String serviceId, String instanceId, Map<String, String> attributes, boolean healthy) {

    public ServiceInstance {
        attributes = Map.copyOf(attributes);
    }

    public String ipv4() {
        return attributes.get("AWS_INSTANCE_IPV4");
    }

    /** The instance port, or {@code fallback} when it registered none. */
    public int port(int fallback) {
        String port = attributes.get("AWS_INSTANCE_PORT");
        return port == null ? fallback : Integer.parseInt(port);
    }

    ServiceInstance withHealth(boolean newHealth) {
        return new ServiceInstance(serviceId, instanceId, attributes, newHealth);
    }
}
