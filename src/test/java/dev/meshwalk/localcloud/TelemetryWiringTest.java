package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.meshwalk.localcloud.dataplane.telemetry.MetricSink;
import dev.meshwalk.localcloud.dataplane.telemetry.SegmentSink;
import dev.meshwalk.localcloud.dataplane.telemetry.TelemetryIntake;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricKey;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import dev.meshwalk.localcloud.service.xray.SegmentRejected;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wiring the local cloud's root does: intake sinks → X-Ray and CloudWatch stores. A meshified
 * request arrives the way it does at run time (Envoy segments over UDP, app spans over OTLP, Envoy
 * stats over statsd) and comes out of GetServiceGraph and ListMetrics.
 */
class TelemetryWiringTest {

    private static final RequestContext CTX = new RequestContext("us-east-1", "000000000000", "r");

    private final XRayService xray = new XRayService(new TraceStore());
    private final CloudWatchService cloudWatch = new CloudWatchService(new MetricStore());
    private final TelemetryIntake intake = TelemetryIntake.start(
            TelemetryIntake.Config.loopback().withStatsdNamespace("howto-ecs-basics", Map.of())
                    .withStatsdFlushInterval(Duration.ofMillis(50)),
            segmentSink(xray), metricSink(cloudWatch.metricStore()));

    /** How the root adapts the X-Ray service to the intake's sink. */
    static SegmentSink segmentSink(XRayService xray) {
        return doc -> {
            try {
                xray.accept(doc);
            } catch (SegmentRejected e) {
                throw new IllegalArgumentException(e.errorCode() + ": " + e.getMessage());
            }
        };
    }

    /** How the root adapts the metric store to the intake's sink. */
    static MetricSink metricSink(MetricStore store) {
        return (namespace, name, dims, value, unit, time) -> store.putValue(MetricKey.of(namespace, name, dims), time,
                value, 1, unit);
    }

    @AfterEach
    void close() {
        intake.close();
    }

    @Test
    void aMeshifiedRequestFromEnvoyUdpAndAppOtlpDrawsTheChapterTwoMap() throws Exception {
        double now = System.currentTimeMillis() / 1000.0;
        String trace = String.format(Locale.ROOT, "%08x%024x", (long) now, 42L);
        String xrayTrace = "1-" + trace.substring(0, 8) + "-" + trace.substring(8);
        String ingress = "00000000000000a1";
        String frontServer = "00000000000000b1";
        String frontClient = "00000000000000b2";
        String egress = "00000000000000a2";
        String colorIngress = "00000000000000c1";
        String colorServer = "00000000000000d1";
        try (DatagramSocket udp = new DatagramSocket()) {
            envoy(udp, xrayTrace, ingress, null, "howto-basics/front-node", now, now + 0.010);
            otlp("front", span(trace, frontServer, ingress, Span.SpanKind.SPAN_KIND_SERVER, now + 0.001, now + 0.009),
                    span(trace, frontClient, frontServer, Span.SpanKind.SPAN_KIND_CLIENT, now + 0.002, now + 0.008));
            envoy(udp, xrayTrace, egress, frontClient, "howto-basics/front-node", now + 0.003, now + 0.007);
            envoy(udp, xrayTrace, colorIngress, egress, "howto-basics/color-node", now + 0.004, now + 0.006);
            otlp("color", span(trace, colorServer, colorIngress, Span.SpanKind.SPAN_KIND_SERVER, now + 0.0045, now + 0.0055));
            byte[] stat = "envoy.http.downstream_rq_xx:1|c|#appmesh.virtual_node:color-node,envoy.response_code_class:2"
                    .getBytes(StandardCharsets.UTF_8);
            udp.send(new DatagramPacket(stat, stat.length, intake.statsdAddress()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((xray.store().documentCount() < 6 || cloudWatch.metricStore().metrics().isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        Map<?, ?> graph = (Map<?, ?>) xray.call("GetServiceGraph",
                new Params(Map.of("StartTime", now - 60, "EndTime", now + 60)), CTX);
        List<String> edges = new ArrayList<>();
        List<?> services = (List<?>) graph.get("Services");
        for (Object s : services) {
            Map<?, ?> node = (Map<?, ?>) s;
            for (Object e : (List<?>) node.get("Edges")) {
                Map<?, ?> target = (Map<?, ?>) services.get((Integer) ((Map<?, ?>) e).get("ReferenceId"));
                edges.add(node.get("Type") + ":" + node.get("Name") + " -> " + target.get("Type") + ":" + target.get("Name"));
            }
        }
        assertThat(edges).containsExactlyInAnyOrder(
                "client:howto-basics/front-node -> AWS::AppMesh::Proxy:howto-basics/front-node",
                "AWS::AppMesh::Proxy:howto-basics/front-node -> null:front",
                "null:front -> AWS::AppMesh::Proxy:howto-basics/front-node",
                "AWS::AppMesh::Proxy:howto-basics/front-node -> AWS::AppMesh::Proxy:howto-basics/color-node",
                "AWS::AppMesh::Proxy:howto-basics/color-node -> null:color");
        Map<?, ?> metrics = (Map<?, ?>) cloudWatch.call("ListMetrics", new Params(Map.of("Namespace", "howto-ecs-basics")), CTX);
        assertThat((List<?>) metrics.get("Metrics")).hasSize(1);
        assertThat(intake.statistics().segmentsRejected()).isZero();
    }

    private void envoy(DatagramSocket udp, String trace, String id, String parent, String name, double start, double end)
            throws Exception {
        String doc = String.format(Locale.ROOT, "{\"format\":\"json\",\"version\":1}\n{\"trace_id\":\"%s\",\"id\":\"%s\"%s,"
                        + "\"name\":\"%s\",\"origin\":\"AWS::AppMesh::Proxy\",\"start_time\":%.6f,\"end_time\":%.6f,"
                        + "\"http\":{\"response\":{\"status\":200}},\"aws\":{}}",
                trace, id, parent == null ? "" : ",\"parent_id\":\"" + parent + "\"", name, start, end);
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(bytes, bytes.length, intake.xrayDaemonAddress()));
    }

    private void otlp(String service, Span... spans) throws Exception {
        ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue(service))))
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(intake.otlpEndpoint() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static Span span(String trace, String id, String parent, Span.SpanKind kind, double start, double end) {
        HexFormat hex = HexFormat.of();
        return Span.newBuilder().setTraceId(ByteString.copyFrom(hex.parseHex(trace)))
                .setSpanId(ByteString.copyFrom(hex.parseHex(id))).setParentSpanId(ByteString.copyFrom(hex.parseHex(parent)))
                .setName("GET").setKind(kind)
                .setStartTimeUnixNano((long) (start * 1e9)).setEndTimeUnixNano((long) (end * 1e9))
                .addAttributes(KeyValue.newBuilder().setKey("http.response.status_code").setValue(AnyValue.newBuilder().setIntValue(200)))
                .addAttributes(KeyValue.newBuilder().setKey("server.address").setValue(AnyValue.newBuilder().setStringValue("color.mesh.local")))
                .build();
    }
}
