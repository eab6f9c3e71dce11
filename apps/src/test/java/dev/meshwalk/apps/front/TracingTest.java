package dev.meshwalk.apps.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.meshwalk.apps.color.ColorApp;
import dev.meshwalk.apps.common.FakeOtlpReceiver;
import dev.meshwalk.apps.common.FakeOtlpReceiver.ReceivedSpan;
import dev.meshwalk.apps.common.Http;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The apps' traces, as the sidecar receives them over OTLP: X-Ray-compatible ids, the caller's
 * {@code X-Amzn-Trace-Id} continued, and front -> color linked through front's client span.
 */
class TracingTest {
    private static final String XRAY_ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    private static final String XRAY_PARENT = "53995c3f42cd8ad8";

    private static int getWithTraceHeader(int port, String path, String traceHeader) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(10000);
        connection.setRequestProperty("X-Amzn-Trace-Id", traceHeader);
        int status = connection.getResponseCode();
        connection.getInputStream().readAllBytes();
        return status;
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, String service, SpanKind kind) {
        List<ReceivedSpan> matching = spans.stream()
                .filter(span -> span.service().equals(service) && span.kind() == kind).toList();
        assertThat(matching).as(service + " " + kind + " in " + spans).hasSize(1);
        return matching.get(0);
    }

    @Test
    void aRequestBecomesOneTraceFromFrontThroughItsCallToColor() throws Exception {
        try (FakeOtlpReceiver sidecar = new FakeOtlpReceiver()) {
            ColorApp color = ColorApp.start(Map.of("COLOR", "green", "PORT", "0", "BIND_ADDRESS", "127.0.0.1",
                    "XRAY_APP_NAME", "color-green", "OTEL_EXPORTER_OTLP_ENDPOINT", sidecar.endpoint()));
            FrontApp front = FrontApp.start(Map.of("COLOR_HOST", "127.0.0.1:" + color.port(), "PORT", "0",
                    "BIND_ADDRESS", "127.0.0.1", "XRAY_APP_NAME", "front",
                    "OTEL_EXPORTER_OTLP_ENDPOINT", sidecar.endpoint()));

            int status = getWithTraceHeader(front.port(), "/color",
                    "Root=" + XRAY_ROOT + ";Parent=" + XRAY_PARENT + ";Sampled=1");
            front.close();
            color.close(); // closing flushes what is queued

            assertThat(status).isEqualTo(200);
            List<ReceivedSpan> spans = sidecar.spans();
            ReceivedSpan frontServer = only(spans, "front", SpanKind.SPAN_KIND_SERVER);
            ReceivedSpan frontClient = only(spans, "front", SpanKind.SPAN_KIND_CLIENT);
            ReceivedSpan colorServer = only(spans, "color-green", SpanKind.SPAN_KIND_SERVER);
            String traceId = XRAY_ROOT.substring(2).replace("-", "");
            assertThat(List.of(frontServer.traceId(), frontClient.traceId(), colorServer.traceId()))
                    .containsOnly(traceId);
            assertThat(frontServer.parentSpanId()).isEqualTo(XRAY_PARENT);
            assertThat(frontClient.parentSpanId()).isEqualTo(frontServer.spanId());
            assertThat(colorServer.parentSpanId()).isEqualTo(frontClient.spanId());
            assertThat(frontServer.name()).isEqualTo("GET /color");
            assertThat(colorServer.name()).isEqualTo("GET *");
            assertThat(frontServer.httpStatus()).isEqualTo(200);
            assertThat(frontClient.httpStatus()).isEqualTo(200);
            assertThat(sidecar.contentTypes()).allMatch(type -> type.startsWith("application/x-protobuf"));
        }
    }

    @Test
    void aNewTraceGetsAnXrayTraceIdStartingWithTheEpochSecond() throws Exception {
        try (FakeOtlpReceiver sidecar = new FakeOtlpReceiver()) {
            ColorApp color = ColorApp.start(Map.of("COLOR", "green", "PORT", "0", "BIND_ADDRESS", "127.0.0.1",
                    "OTEL_EXPORTER_OTLP_ENDPOINT", sidecar.endpoint()));
            long before = System.currentTimeMillis() / 1000;
            assertThat(Http.get("127.0.0.1", color.port(), "/ping").status()).isEqualTo(200);
            color.close();

            ReceivedSpan server = only(sidecar.spans(), "color", SpanKind.SPAN_KIND_SERVER);
            long epochSecond = Long.parseLong(server.traceId().substring(0, 8), 16);
            assertThat(epochSecond).isCloseTo(before, within(5L));
            assertThat(server.parentSpanId()).isEmpty();
            assertThat(server.name()).isEqualTo("GET /ping");
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(thread -> thread.getName().equals("color-otlp-export") && thread.isAlive());
        }
    }

    @Test
    void aFailingColorShowsAsAnErrorOnBothFrontSpans() throws Exception {
        try (FakeOtlpReceiver sidecar = new FakeOtlpReceiver();
             StubColor failing = StubColor.answering(503, "overloaded")) {
            FrontApp front = FrontApp.start(Map.of("COLOR_HOST", failing.hostAndPort(), "PORT", "0",
                    "BIND_ADDRESS", "127.0.0.1", "OTEL_EXPORTER_OTLP_ENDPOINT", sidecar.endpoint()));
            assertThat(Http.get("127.0.0.1", front.port(), "/color").status()).isEqualTo(500);
            front.close();

            int error = io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR_VALUE;
            ReceivedSpan server = only(sidecar.spans(), "front", SpanKind.SPAN_KIND_SERVER);
            ReceivedSpan client = only(sidecar.spans(), "front", SpanKind.SPAN_KIND_CLIENT);
            assertThat(server.httpStatus()).isEqualTo(500);
            assertThat(server.statusCode()).isEqualTo(error);
            assertThat(client.httpStatus()).isEqualTo(503);
            assertThat(client.statusCode()).isEqualTo(error);
        }
    }

    @Test
    void withoutAnEndpointNothingIsExportedButTheTraceHeaderStillTravels() throws Exception {
        try (FakeOtlpReceiver sidecar = new FakeOtlpReceiver();
             FakeProxy meshProxy = new FakeProxy("green");
             FrontApp front = FrontApp.start(Map.of("COLOR_HOST", "color.howto-ecs-basics.mesh.local:8080",
                     "PORT", "0", "BIND_ADDRESS", "127.0.0.1", "HTTP_PROXY", meshProxy.url()))) {
            getWithTraceHeader(front.port(), "/color", "Root=" + XRAY_ROOT + ";Parent=" + XRAY_PARENT + ";Sampled=1");

            assertThat(meshProxy.traceHeaders()).singleElement().asString()
                    .startsWith("Root=" + XRAY_ROOT + ";Parent=")
                    .doesNotContain(XRAY_PARENT)
                    .endsWith(";Sampled=1");
            assertThat(sidecar.spans()).isEmpty();
        }
    }
}
