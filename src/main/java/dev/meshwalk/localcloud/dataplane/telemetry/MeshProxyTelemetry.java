package dev.meshwalk.localcloud.dataplane.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns each request a local mesh proxy handles into what App Mesh's Envoy would emit: an X-Ray segment (sent by
 * Envoy's X-Ray tracer to the daemon on UDP 2000) and Envoy statsd metrics (collected by the CloudWatch agent on
 * UDP 8125 into the namespace of the project, which is the mesh name in the walkthrough).
 *
 * <p>The segment follows {@code xray-service-graph.md} 3.2: name {@code <mesh>/<virtualNode>}, origin
 * {@code AWS::AppMesh::Proxy}, one segment per listener pass with annotation {@code direction} ingress or egress,
 * {@code parent_id} = the {@code Parent} of the incoming trace header (none when the load balancer only set a
 * {@code Root}, which makes the proxy a root with a client node), and the proxy's own id, which it passed on as
 * {@code Parent}, as the segment id. Requests marked {@code Sampled=0} are counted in metrics but not traced.
 *
 * <p>Metrics are delivered one datum per request; the metric store aggregates them per second, the way the agent's
 * statsd aggregation would per flush interval.
 */
public final class MeshProxyTelemetry implements ProxyTelemetry {

    static final String ORIGIN = "AWS::AppMesh::Proxy";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SegmentSink segments;
    private final MetricSink metrics;
    private final IntakeStatistics statistics;

    /**
     * @param statistics where refused segments are counted (the intake's, so one place shows them all)
     */
    public MeshProxyTelemetry(SegmentSink segments, MetricSink metrics, IntakeStatistics statistics) {
        this.segments = segments;
        this.metrics = metrics;
        this.statistics = statistics;
    }

    @Override
    public void requestObserved(ProxyRequestObserved request) {
        if (request.sampled()) {
            try {
                segments.accept(segmentOf(request));
                statistics.segmentsAccepted.incrementAndGet();
            } catch (IllegalArgumentException refused) {
                statistics.segmentsRejected.incrementAndGet();
                statistics.problem("mesh proxy segment refused: " + refused.getMessage());
            }
        }
        publishMetrics(request);
    }

    /** The Envoy-like segment document for one request. */
    static String segmentOf(ProxyRequestObserved request) {
        ObjectNode segment = JSON.createObjectNode();
        segment.put("name", request.mesh() + "/" + request.virtualNode());
        segment.put("id", request.segmentId());
        segment.put("trace_id", request.traceId());
        if (request.parentId() != null && !request.parentId().isBlank()) {
            segment.put("parent_id", request.parentId());
        }
        double start = seconds(request.start());
        segment.put("start_time", start);
        segment.put("end_time", start + request.duration().toNanos() / 1e9);
        segment.put("origin", ORIGIN);
        ObjectNode http = segment.putObject("http");
        ObjectNode httpRequest = http.putObject("request");
        httpRequest.put("method", request.method());
        httpRequest.put("url", "http://" + (request.authority() == null ? "" : request.authority()) + request.path());
        if (request.clientAddress() != null) {
            httpRequest.put("client_ip", request.clientAddress());
        }
        http.putObject("response").put("status", request.status());
        int status = request.status();
        if (status == 429) {
            segment.put("throttle", true);
            segment.put("error", true);
        } else if (status >= 500) {
            segment.put("fault", true);
        } else if (status >= 400) {
            segment.put("error", true);
        }
        ObjectNode annotations = segment.putObject("annotations");
        annotations.put("direction", request.direction().name().toLowerCase(Locale.ROOT));
        annotations.put("component", "proxy");
        if (request.upstreamCluster() != null) {
            annotations.put("upstream_cluster", request.upstreamCluster());
        }
        ObjectNode appMesh = segment.putObject("aws").putObject("app_mesh");
        appMesh.put("mesh_name", request.mesh());
        appMesh.put("virtual_node_name", request.virtualNode());
        return segment.toString();
    }

    private void publishMetrics(ProxyRequestObserved request) {
        String prefix = request.direction().name().toLowerCase(Locale.ROOT);
        String codeClass = String.valueOf(request.status() / 100);
        Instant at = request.start().plus(request.duration());
        double millis = request.duration().toNanos() / 1e6;
        String namespace = request.mesh();

        Map<String, String> listener = base(request);
        listener.put("envoy.http_conn_manager_prefix", prefix);
        put(namespace, "envoy.http.downstream_rq_total", listener, 1, "Count", at);
        put(namespace, "envoy.http.downstream_rq_time", listener, millis, "Milliseconds", at);
        Map<String, String> listenerClass = new LinkedHashMap<>(listener);
        listenerClass.put("envoy.response_code_class", codeClass);
        put(namespace, "envoy.http.downstream_rq_xx", listenerClass, 1, "Count", at);

        if (request.upstreamCluster() != null) {
            Map<String, String> cluster = base(request);
            cluster.put("envoy.cluster_name", request.upstreamCluster());
            put(namespace, "envoy.cluster.upstream_rq_total", cluster, 1, "Count", at);
            put(namespace, "envoy.cluster.upstream_rq_time", cluster, millis, "Milliseconds", at);
            Map<String, String> clusterClass = new LinkedHashMap<>(cluster);
            clusterClass.put("envoy.response_code_class", codeClass);
            put(namespace, "envoy.cluster.upstream_rq_xx", clusterClass, 1, "Count", at);
        }
    }

    private static Map<String, String> base(ProxyRequestObserved request) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("appmesh.mesh", request.mesh());
        dimensions.put("appmesh.virtual_node", request.virtualNode());
        return dimensions;
    }

    private void put(String namespace, String name, Map<String, String> dimensions, double value, String unit,
                     Instant at) {
        try {
            metrics.put(namespace, name, Map.copyOf(dimensions), value, unit, at);
            statistics.metricsPublished.incrementAndGet();
        } catch (RuntimeException refused) {
            statistics.problem("mesh proxy metric refused: " + refused.getMessage());
        }
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
