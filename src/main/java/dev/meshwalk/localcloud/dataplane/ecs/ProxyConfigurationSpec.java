package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A task definition's {@code ProxyConfiguration}: type {@code APPMESH}, the proxy container's name and the
 * properties ({@code AppPorts}, {@code ProxyIngressPort}, {@code ProxyEgressPort}, {@code IgnoredUID},
 * {@code EgressIgnoredIPs}).
 */
public record ProxyConfigurationSpec(String type, String containerName, Map<String, String> properties) {

    public ProxyConfigurationSpec {
        properties = Map.copyOf(properties);
    }

    public boolean isAppMesh() {
        return "APPMESH".equalsIgnoreCase(type);
    }

    /** Ports of the app whose inbound traffic goes through the proxy. */
    public List<Integer> appPorts() {
        String ports = properties.getOrDefault("AppPorts", "");
        return Arrays.stream(ports.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    public int egressPort() {
        return Integer.parseInt(properties.getOrDefault("ProxyEgressPort", "15001").trim());
    }

    public String egressIgnoredIps() {
        return properties.getOrDefault("EgressIgnoredIPs", "");
    }
}
