package dev.meshwalk.localcloud.dataplane.mesh;

import java.util.List;

/**
 * A virtual node: its HTTP listener ports, how its endpoints are discovered (null when it has none, e.g. a node
 * only used as a client), and the virtual service names its app may call.
 */
public record VirtualNodeSpec(String name, List<Integer> listenerPorts, ServiceDiscoverySpec serviceDiscovery,
                              List<String> backends) {

    public VirtualNodeSpec {
        listenerPorts = List.copyOf(listenerPorts);
        backends = backends.stream().map(b -> b.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    public int firstListenerPort() {
        return listenerPorts.isEmpty() ? 80 : listenerPorts.get(0);
    }
}
