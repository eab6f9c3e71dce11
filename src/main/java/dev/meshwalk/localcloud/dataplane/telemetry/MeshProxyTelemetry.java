package dev.meshwalk.localcloud.dataplane.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
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

    private static final JsonFactory JSON = new JsonFactory();
    private static final String MESH = "appmesh.mesh";
    private static final String NODE = "appmesh.virtual_node";
    private static final String PREFIX = "envoy.http_conn_manager_prefix";
    private static final String CLUSTER = "envoy.cluster_name";
    private static final String CODE_CLASS = "envoy.response_code_class";

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

    /**
     * The Envoy-like segment document for one request, written with Jackson's streaming generator rather than
     * built as a tree first: three are made for every chapter-2 request. With the uncopied dimension sets of
     * {@link #publishMetrics}, a proxy pass went from 10.8-16.2 to 8.7-13.0 us ({@code docs/benchmarks/dataplane.md}).
     */
    static String segmentOf(ProxyRequestObserved request) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("name", request.mesh() + "/" + request.virtualNode());
            out.writeStringField("id", request.segmentId());
            out.writeStringField("trace_id", request.traceId());
            if (request.parentId() != null && !request.parentId().isBlank()) {
                out.writeStringField("parent_id", request.parentId());
            }
            double start = seconds(request.start());
            out.writeNumberField("start_time", start);
            out.writeNumberField("end_time", start + request.duration().toNanos() / 1e9);
            out.writeStringField("origin", ORIGIN);
            out.writeObjectFieldStart("http");
            out.writeObjectFieldStart("request");
            out.writeStringField("method", request.method());
            out.writeStringField("url", "http://" + (request.authority() == null ? "" : request.authority())
                    + request.path());
            if (request.clientAddress() != null) {
                out.writeStringField("client_ip", request.clientAddress());
            }
            out.writeEndObject();
            out.writeObjectFieldStart("response");
            out.writeNumberField("status", request.status());
            out.writeEndObject();
            out.writeEndObject();
            int status = request.status();
            if (status == 429) {
                out.writeBooleanField("throttle", true);
                out.writeBooleanField("error", true);
            } else if (status >= 500) {
                out.writeBooleanField("fault", true);
            } else if (status >= 400) {
                out.writeBooleanField("error", true);
            }
            out.writeObjectFieldStart("annotations");
            out.writeStringField("direction", request.direction().name().toLowerCase(Locale.ROOT));
            out.writeStringField("component", "proxy");
            if (request.upstreamCluster() != null) {
                out.writeStringField("upstream_cluster", request.upstreamCluster());
            }
            out.writeEndObject();
            out.writeObjectFieldStart("aws");
            out.writeObjectFieldStart("app_mesh");
            out.writeStringField("mesh_name", request.mesh());
            out.writeStringField("virtual_node_name", request.virtualNode());
            out.writeEndObject();
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    private void publishMetrics(ProxyRequestObserved request) {
        String prefix = request.direction().name().toLowerCase(Locale.ROOT);
        String codeClass = String.valueOf(request.status() / 100);
        Instant at = request.start().plus(request.duration());
        double millis = request.duration().toNanos() / 1e6;
        String mesh = request.mesh(); // also the namespace: the walkthrough's agent publishes under the mesh's name
        String node = request.virtualNode();

        Map<String, String> listener = Map.of(MESH, mesh, NODE, node, PREFIX, prefix);
        put(mesh, "envoy.http.downstream_rq_total", listener, 1, "Count", at);
        put(mesh, "envoy.http.downstream_rq_time", listener, millis, "Milliseconds", at);
        put(mesh, "envoy.http.downstream_rq_xx", Map.of(MESH, mesh, NODE, node, PREFIX, prefix,
                CODE_CLASS, codeClass), 1, "Count", at);

        String upstream = request.upstreamCluster();
        if (upstream != null) {
            Map<String, String> cluster = Map.of(MESH, mesh, NODE, node, CLUSTER, upstream);
            put(mesh, "envoy.cluster.upstream_rq_total", cluster, 1, "Count", at);
            put(mesh, "envoy.cluster.upstream_rq_time", cluster, millis, "Milliseconds", at);
            put(mesh, "envoy.cluster.upstream_rq_xx", Map.of(MESH, mesh, NODE, node, CLUSTER, upstream,
                    CODE_CLASS, codeClass), 1, "Count", at);
        }
    }

    /** {@code dimensions} is immutable, so the sink may keep it as it is. */
    private void put(String namespace, String name, Map<String, String> dimensions, double value, String unit,
                     Instant at) {
        try {
            metrics.put(namespace, name, dimensions, value, unit, at);
            statistics.metricsPublished.incrementAndGet();
        } catch (RuntimeException refused) {
            statistics.problem("mesh proxy metric refused: " + refused.getMessage());
        }
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
