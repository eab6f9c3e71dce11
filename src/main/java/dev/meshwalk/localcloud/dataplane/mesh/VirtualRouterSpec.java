package dev.meshwalk.localcloud.dataplane.mesh;

import java.util.List;

/** A virtual router with its HTTP listener ports; its routes are separate resources. */
public record VirtualRouterSpec(String name, List<Integer> listenerPorts) {

    public VirtualRouterSpec {
        listenerPorts = List.copyOf(listenerPorts);
    }
}
