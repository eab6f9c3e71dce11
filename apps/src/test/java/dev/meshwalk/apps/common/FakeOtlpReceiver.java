package dev.meshwalk.apps.common;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the task's telemetry sidecar: an OTLP/HTTP receiver on loopback that decodes each
 * protobuf export request and keeps the spans with the service name of their resource.
 */
public final class FakeOtlpReceiver implements AutoCloseable {
    /** A received span, flattened: ids in hex as X-Ray shows them. */
    public record ReceivedSpan(String service, String name, Span.SpanKind kind, String traceId, String spanId,
                               String parentSpanId, int statusCode, long httpStatus) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> resources = new CopyOnWriteArrayList<>();

    public FakeOtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            try (InputStream body = exchange.getRequestBody()) {
                record(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    private void record(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Map<String, String> resource = new TreeMap<>();
            resourceSpans.getResource().getAttributesList().forEach(attribute ->
                    resource.put(attribute.getKey(), attribute.getValue().hasStringValue()
                            ? attribute.getValue().getStringValue() : attribute.getValue().toString().trim()));
            resources.add(resource);
            String service = resourceSpans.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(attribute -> attribute.getValue().getStringValue())
                    .findFirst().orElse("");
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    long httpStatus = span.getAttributesList().stream()
                            .filter(attribute -> attribute.getKey().equals("http.response.status_code"))
                            .mapToLong(attribute -> attribute.getValue().getIntValue())
                            .findFirst().orElse(-1);
                    spans.add(new ReceivedSpan(service, span.getName(), span.getKind(),
                            hex.formatHex(span.getTraceId().toByteArray()), hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()), span.getStatus().getCodeValue(),
                            httpStatus));
                }
            }
        }
    }

    /** {@code OTEL_EXPORTER_OTLP_ENDPOINT} for an app that should export here. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans() {
        return spans;
    }

    /** The resource attributes of every export request, in arrival order (non-string values as protobuf text). */
    public List<Map<String, String>> resources() {
        return resources;
    }

    public List<String> contentTypes() {
        return contentTypes;
    }


    @Override
    public void close() {
        server.stop(0);
    }
}
