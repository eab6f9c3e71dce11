package dev.meshwalk.localcloud.dataplane.mesh;

import java.time.Duration;
import java.time.Instant;

/**
 * What a mesh proxy reports for every request it handles, so the telemetry intake can build X-Ray segments
 * named {@code <mesh>/<virtualNode>} of origin {@code AWS::AppMesh::Proxy} and Envoy-style metrics. The proxy
 * calls it on its request thread after answering; implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface ProxyTelemetry {

    void requestObserved(ProxyRequestObserved request);

    /** For a data plane started without a telemetry intake. */
    static ProxyTelemetry none() {
        return request -> { };
    }

    /** Which listener saw the request. */
    enum Direction { INGRESS, EGRESS }

    /**
     * One request through a proxy.
     *
     * @param upstreamCluster Envoy-style cluster name, e.g. {@code cds_egress_<mesh>_<node>_http_8080}
     * @param upstreamVirtualNode virtual node the request went to (the proxy's own node for ingress), or null
     * @param authority host[:port] the caller asked for
     * @param status status returned downstream (503 when no upstream could answer)
     * @param traceId X-Ray trace id ({@code 1-...-...})
     * @param parentId segment id of the caller's segment, or null when this proxy started the trace
     * @param segmentId the id this proxy used as {@code Parent} for the upstream (its own segment id)
     * @param sampled false when the trace header said {@code Sampled=0}: count it in metrics, send no segment
     */
    record ProxyRequestObserved(String mesh, String virtualNode, Direction direction, String upstreamCluster,
                                String upstreamVirtualNode, String method, String path, String authority,
                                int status, Instant start, Duration duration, String traceId, String parentId,
                                String segmentId, String clientAddress, boolean sampled) {
    }
}
