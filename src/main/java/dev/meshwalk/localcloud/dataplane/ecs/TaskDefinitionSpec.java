package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.List;

/** A task definition to register; {@code proxyConfiguration} is null for tasks without App Mesh. */
public record TaskDefinitionSpec(String family, List<ContainerSpec> containers,
                                 ProxyConfigurationSpec proxyConfiguration) {

    public TaskDefinitionSpec {
        containers = List.copyOf(containers);
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("task definition " + family + " has no containers");
        }
    }
}
