package dev.meshwalk.localcloud.dataplane.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelemetryIntakeTest {

    private static final String TRACE = "5759e988bd862e3fe1be46a994272793";
    private static final String SERVER_SPAN = "53995c3f42cd8ad8";
    private static final String CLIENT_SPAN = "1b2c3d4e5f607182";

    record Point(String namespace, String name, Map<String, String> dims, double value, String unit) {
    }

    private final List<String> segments = new CopyOnWriteArrayList<>();
    private final List<Point> points = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TelemetryIntake intake = TelemetryIntake.start(
            TelemetryIntake.Config.loopback().withStatsdNamespace("howto-ecs-basics", Map.of("Task", "t1"))
                    .withStatsdFlushInterval(Duration.ofMillis(50)),
            doc -> {
                if (doc.contains("\"reject-me\"")) {
                    throw new IllegalArgumentException("InvalidSegment: refused for the test");
                }
                segments.add(doc);
            },
            (ns, name, dims, value, unit, time) -> points.add(new Point(ns, name, dims, value, unit)));

    @AfterEach
    void close() {
        intake.close();
    }

    @Test
    void otlpProtobufServerAndClientSpansBecomeASegmentAndARemoteSubsegment() throws Exception {
        ExportTraceServiceRequest request = request("front",
                span(SERVER_SPAN, null, Span.SpanKind.SPAN_KIND_SERVER, 200,
                        kv("http.request.method", "GET"), kv("url.path", "/color"), kv("server.address", "front.local"),
                        kv("client.address", "10.0.0.9")),
                span(CLIENT_SPAN, SERVER_SPAN, Span.SpanKind.SPAN_KIND_CLIENT, 200,
                        kv("http.request.method", "GET"), kv("url.full", "http://color.howto.local:8080/"),
                        kv("server.address", "color.howto.local")));

        HttpResponse<byte[]> response = post("application/x-protobuf", request.toByteArray(), false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ExportTraceServiceResponse.parseFrom(response.body()).hasPartialSuccess()).isFalse();
        assertThat(segments).hasSize(2);
        JsonNode segment = json.readTree(segments.get(0));
        assertThat(segment.path("name").asText()).isEqualTo("front");
        assertThat(segment.path("trace_id").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(segment.path("id").asText()).isEqualTo(SERVER_SPAN);
        assertThat(segment.has("parent_id")).isFalse();
        assertThat(segment.path("http").path("request").path("url").asText()).isEqualTo("http://front.local/color");
        assertThat(segment.path("http").path("request").path("client_ip").asText()).isEqualTo("10.0.0.9");
        assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(200);
        assertThat(segment.path("start_time").asDouble()).isEqualTo(1_465_510_280.5);
        JsonNode sub = json.readTree(segments.get(1));
        assertThat(sub.path("type").asText()).isEqualTo("subsegment");
        assertThat(sub.path("namespace").asText()).isEqualTo("remote");
        assertThat(sub.path("name").asText()).isEqualTo("color.howto.local");
        assertThat(sub.path("parent_id").asText()).isEqualTo(SERVER_SPAN);
        assertThat(intake.statistics().spansReceived()).isEqualTo(2);
    }

    @Test
    void otlpJsonWithHexIdsEnumNamesAndGzipAndA500MarksAFault() throws Exception {
        String body = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"color"}},
                  {"key":"cloud.platform","value":{"stringValue":"aws_ecs"}}]},
                 "scopeSpans":[{"spans":[{"traceId":"5759E988BD862E3FE1BE46A994272793","spanId":"%s",
                   "parentSpanId":"%s","name":"GET /","kind":"SPAN_KIND_SERVER",
                   "startTimeUnixNano":"1465510280500000000","endTimeUnixNano":1465510280600000000,
                   "attributes":[{"key":"http.response.status_code","value":{"intValue":"500"}},
                                 {"key":"http.request.method","value":{"stringValue":"GET"}}],
                   "status":{"code":2}}]}]}]}""".formatted("aaaaaaaaaaaaaaaa", CLIENT_SPAN);

        HttpResponse<byte[]> response = post("application/json", body.getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        JsonNode segment = json.readTree(segments.get(0));
        assertThat(segment.path("name").asText()).isEqualTo("color");
        assertThat(segment.path("origin").asText()).isEqualTo("AWS::ECS::Container");
        assertThat(segment.path("parent_id").asText()).as("a server span with a remote parent stays a segment")
                .isEqualTo(CLIENT_SPAN);
        assertThat(segment.has("type")).isFalse();
        assertThat(segment.path("fault").asBoolean()).isTrue();
        assertThat(segment.path("end_time").asDouble() - segment.path("start_time").asDouble()).isCloseTo(0.1, within());
    }

    @Test
    void refusedSpansAreReportedAsPartialSuccess() throws Exception {
        ExportTraceServiceRequest request = request("reject-me", span(SERVER_SPAN, null, Span.SpanKind.SPAN_KIND_SERVER, 200));

        HttpResponse<byte[]> response = post("application/x-protobuf", request.toByteArray(), false);

        assertThat(response.statusCode()).isEqualTo(200);
        ExportTraceServiceResponse parsed = ExportTraceServiceResponse.parseFrom(response.body());
        assertThat(parsed.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
        assertThat(parsed.getPartialSuccess().getErrorMessage()).contains("refused for the test");
        assertThat(intake.statistics().segmentsRejected()).isEqualTo(1);
    }

    @Test
    void undecodableBodiesAndOtherContentTypesAreClientErrors() throws Exception {
        assertThat(post("application/x-protobuf", new byte[] {(byte) 0xff, 0x01}, false).statusCode()).isEqualTo(400);
        HttpResponse<byte[]> badJson = post("application/json", ("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":"
                + "[{\"traceId\":\"AAECAwQFBgcICQoLDA0ODw==\",\"spanId\":\"x\"}]}]}]}").getBytes(StandardCharsets.UTF_8), false);
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(new String(badJson.body(), StandardCharsets.UTF_8)).contains("hex, not base64");
        assertThat(post("text/plain", new byte[] {1}, false).statusCode()).isEqualTo(415);
        assertThat(segments).isEmpty();
    }

    @Test
    void xrayDaemonDatagramsWithEitherHeaderSpacingReachTheSinkAndBadHeadersAreCounted() throws Exception {
        String doc = "{\"trace_id\":\"1-5759e988-bd862e3fe1be46a994272793\",\"id\":\"53995c3f42cd8ad8\","
                + "\"name\":\"mesh/front-node\",\"origin\":\"AWS::AppMesh::Proxy\",\"start_time\":1,\"end_time\":2}";
        try (DatagramSocket socket = new DatagramSocket()) {
            send(socket, intake.xrayDaemonAddress(), "{\"format\": \"json\", \"version\": 1}\n" + doc);
            send(socket, intake.xrayDaemonAddress(), "{\"format\":\"JSON\",\"version\":1}\n" + doc);
            send(socket, intake.xrayDaemonAddress(), "{\"format\":\"json\",\"version\":2}\n" + doc);
            send(socket, intake.xrayDaemonAddress(), doc);
        }

        await(() -> intake.statistics().datagramsReceived() == 4);
        assertThat(segments).containsExactly(doc, doc);
        assertThat(intake.statistics().segmentsRejected()).isEqualTo(2);
        assertThat(intake.statistics().lastProblem()).contains("Invalid header");
    }

    @Test
    void statsdCountersGaugesAndTimersArePublishedWithTagsAsDimensions() throws Exception {
        String tags = "|#appmesh.mesh:howto-basics,appmesh.virtual_node:color-node,envoy.response_code_class:2";
        try (DatagramSocket socket = new DatagramSocket()) {
            send(socket, intake.statsdAddress(), "envoy.http.downstream_rq_xx:1|c" + tags + "\n"
                    + "envoy.http.downstream_rq_xx:2|c|@0.5" + tags + "\n"
                    + "envoy.server.live:1|g\n"
                    + "envoy.http.downstream_rq_time:12|ms" + tags + "\nthis is not statsd");
        }

        await(() -> points.size() >= 3);
        Point counter = points.stream().filter(p -> p.name().equals("envoy.http.downstream_rq_xx")).findFirst().orElseThrow();
        assertThat(counter.value()).as("1 + 2/0.5").isEqualTo(5.0);
        assertThat(counter.unit()).isEqualTo("Count");
        assertThat(counter.namespace()).isEqualTo("howto-ecs-basics");
        assertThat(counter.dims()).containsEntry("appmesh.virtual_node", "color-node")
                .containsEntry("envoy.response_code_class", "2").containsEntry("Task", "t1");
        assertThat(points).anySatisfy(p -> assertThat(p).isEqualTo(new Point("howto-ecs-basics", "envoy.server.live",
                Map.of("Task", "t1"), 1.0, "None")));
        assertThat(points).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("envoy.http.downstream_rq_time");
            assertThat(p.value()).isEqualTo(12.0);
            assertThat(p.unit()).isEqualTo("Milliseconds");
        });
        assertThat(intake.statistics().statsdLinesRejected()).isEqualTo(1);
    }

    @Test
    void closeReleasesEveryPortAndThread() throws Exception {
        int otlp = intake.otlpPort();
        InetSocketAddress xray = intake.xrayDaemonAddress();
        InetSocketAddress statsd = intake.statsdAddress();
        intake.close();

        try (DatagramSocket again = new DatagramSocket(xray); DatagramSocket again2 = new DatagramSocket(statsd);
             java.net.ServerSocket http = new java.net.ServerSocket(otlp, 1, xray.getAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(xray.getPort());
            assertThat(http.getLocalPort()).isEqualTo(otlp);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("telemetry-udp-" + xray.getPort()));
        intake = TelemetryIntake.start(TelemetryIntake.Config.loopback(), s -> { }, (a, b, c, d, e, f) -> { });
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }

    private HttpResponse<byte[]> post(String contentType, byte[] body, boolean gzip) throws Exception {
        byte[] payload = body;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(intake.otlpEndpoint() + "/v1/traces"))
                .header("Content-Type", contentType);
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(body);
            }
            payload = out.toByteArray();
            b.header("Content-Encoding", "gzip");
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static ExportTraceServiceRequest request(String service, Span... spans) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(kv("service.name", service))
                        .addAttributes(kv("telemetry.sdk.language", "java")))
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build();
    }

    static Span span(String id, String parent, Span.SpanKind kind, long status, KeyValue... attributes) {
        long start = Instant.ofEpochSecond(1_465_510_280, 500_000_000).toEpochMilli() * 1_000_000;
        Span.Builder b = Span.newBuilder()
                .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE)))
                .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(id)))
                .setName("GET").setKind(kind)
                .setStartTimeUnixNano(start).setEndTimeUnixNano(start + 10_000_000)
                .addAllAttributes(List.of(attributes))
                .addAttributes(KeyValue.newBuilder().setKey("http.response.status_code")
                        .setValue(AnyValue.newBuilder().setIntValue(status)))
                .setStatus(Status.newBuilder().setCode(status >= 500 ? Status.StatusCode.STATUS_CODE_ERROR
                        : Status.StatusCode.STATUS_CODE_UNSET));
        if (parent != null) {
            b.setParentSpanId(ByteString.copyFrom(HexFormat.of().parseHex(parent)));
        }
        return b.build();
    }

    static KeyValue kv(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
