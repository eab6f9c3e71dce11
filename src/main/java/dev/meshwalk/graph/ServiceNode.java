package dev.meshwalk.graph;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One node of the service map: a service that sent segments, a client, or a downstream X-Ray inferred.
 *
 * @param referenceId   id unique within one graph; edges point at it
 * @param name          canonical name (for Envoy proxies {@code <mesh>/<virtual node>})
 * @param names         every name of the node, including {@code name}
 * @param type          X-Ray type ({@code client}, {@code AWS::ECS::Container}, {@code AWS::AppMesh::Proxy},
 *                      {@code remote}, ...); null when the segments carried no origin
 * @param state         {@code active} or {@code unknown}; null when absent
 * @param root          true when this service handled requests first
 * @param start         first segment start, or null
 * @param end           last segment end, or null
 * @param stats         the node's own requests; {@link Stats#NONE} for clients
 * @param responseTimes response-time histogram, possibly empty
 * @param edges         outgoing connections
 */
public record ServiceNode(int referenceId, String name, List<String> names, String type, String state, boolean root,
                          Instant start, Instant end, Stats stats, List<HistogramBin> responseTimes,
                          List<ServiceEdge> edges) {

    /** X-Ray's type for the origin of requests to a root service. */
    public static final String CLIENT = "client";
    /** X-Ray's type for an App Mesh Envoy proxy. */
    public static final String APPMESH_PROXY = "AWS::AppMesh::Proxy";

    public ServiceNode {
        Objects.requireNonNull(name, "name");
        names = names == null || names.isEmpty() ? List.of(name) : List.copyOf(names);
        stats = stats == null ? Stats.NONE : stats;
        responseTimes = responseTimes == null ? List.of() : List.copyOf(responseTimes);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    /** A node with only counts, for code that builds graphs by hand (tests, generators, converters). */
    public static ServiceNode of(int referenceId, String name, String type, Stats stats, List<ServiceEdge> edges) {
        return new ServiceNode(referenceId, name, List.of(name), type, null, false, null, null, stats, List.of(), edges);
    }

    public boolean isClient() {
        return CLIENT.equals(type);
    }

    public boolean isProxy() {
        return APPMESH_PROXY.equals(type);
    }
}
