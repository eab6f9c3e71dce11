package dev.meshwalk.graph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service map as X-Ray's {@code GetServiceGraph} answers it: nodes with their outgoing edges, over a
 * time window. Plain data so the SDK converter, the file reader and generators can all build it.
 *
 * @param window the time range, or null when the answer did not say
 * @param nodes  the nodes; reference ids are unique and every edge points at one of them
 */
public record ServiceGraph(TimeWindow window, List<ServiceNode> nodes) {

    public ServiceGraph {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        Map<Integer, ServiceNode> byId = new HashMap<>();
        for (ServiceNode n : nodes) {
            if (byId.put(n.referenceId(), n) != null) {
                throw new IllegalArgumentException("two nodes share the reference id " + n.referenceId());
            }
        }
        for (ServiceNode n : nodes) {
            for (ServiceEdge e : n.edges()) {
                if (!byId.containsKey(e.targetId())) {
                    throw new IllegalArgumentException("an edge of '" + n.name() + "' points at reference id "
                            + e.targetId() + ", which no node has");
                }
            }
        }
    }

    public static ServiceGraph empty(TimeWindow window) {
        return new ServiceGraph(window, List.of());
    }

    public Optional<TimeWindow> timeWindow() {
        return Optional.ofNullable(window);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** Nodes by reference id, in the order of {@link #nodes()}. */
    public Map<Integer, ServiceNode> nodesById() {
        Map<Integer, ServiceNode> byId = new LinkedHashMap<>();
        for (ServiceNode n : nodes) {
            byId.put(n.referenceId(), n);
        }
        return byId;
    }
}
