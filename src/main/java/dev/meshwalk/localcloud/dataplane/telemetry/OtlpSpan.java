package dev.meshwalk.localcloud.dataplane.telemetry;

import java.util.Map;

/**
 * One OTLP span with its resource, decoded from protobuf or JSON into one form so the X-Ray
 * translation does not care which encoding the exporter chose.
 *
 * @param traceId      32 lowercase hex digits
 * @param spanId       16 lowercase hex digits
 * @param parentSpanId 16 hex digits, or null for a root span
 * @param kind         OTLP SpanKind number: 1 internal, 2 server, 3 client, 4 producer, 5 consumer
 * @param statusCode   OTLP StatusCode number: 0 unset, 1 ok, 2 error
 * @param attributes   span attributes (String, Long, Double, Boolean, or a List of those)
 * @param resource     resource attributes ({@code service.name}, {@code cloud.platform}, ...)
 */
public record OtlpSpan(String traceId, String spanId, String parentSpanId, String name, int kind,
                       long startNanos, long endNanos, int statusCode, String statusMessage,
                       Map<String, Object> attributes, Map<String, Object> resource) {

    public static final int KIND_INTERNAL = 1;
    public static final int KIND_SERVER = 2;
    public static final int KIND_CLIENT = 3;
    public static final int KIND_PRODUCER = 4;
    public static final int KIND_CONSUMER = 5;
    public static final int STATUS_ERROR = 2;
}
