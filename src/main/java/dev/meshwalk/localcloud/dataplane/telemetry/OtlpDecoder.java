package dev.meshwalk.localcloud.dataplane.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an OTLP/HTTP trace export ({@code ExportTraceServiceRequest}) in either encoding the OTLP
 * specification allows: binary protobuf, or the protobuf JSON mapping with OTLP's twists (trace and span
 * ids as hex, not base64; enums as numbers or names; 64-bit integers as strings or numbers).
 */
final class OtlpDecoder {

    /** The body is not an OTLP export; the message says what was wrong. */
    static final class OtlpFormatException extends Exception {
        OtlpFormatException(String message) {
            super(message, null, false, false);
        }
    }

    private static final HexFormat HEX = HexFormat.of();
    private final ObjectMapper json = new ObjectMapper();

    List<OtlpSpan> fromProtobuf(byte[] body) throws OtlpFormatException {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new OtlpFormatException("Body is not a protobuf ExportTraceServiceRequest: " + e.getMessage());
        }
        List<OtlpSpan> out = new ArrayList<>();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            Map<String, Object> resource = attributes(rs.getResource().getAttributesList());
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                for (Span span : ss.getSpansList()) {
                    out.add(new OtlpSpan(hex(span.getTraceId()), hex(span.getSpanId()),
                            span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId()),
                            span.getName(), span.getKindValue(), span.getStartTimeUnixNano(),
                            span.getEndTimeUnixNano(), span.getStatus().getCodeValue(), span.getStatus().getMessage(),
                            attributes(span.getAttributesList()), resource));
                }
            }
        }
        return out;
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    private static Map<String, Object> attributes(List<KeyValue> list) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (KeyValue kv : list) {
            Object v = value(kv.getValue());
            if (v != null) {
                out.put(kv.getKey(), v);
            }
        }
        return out;
    }

    private static Object value(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> v.getBoolValue();
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpDecoder::value).toList();
            default -> null;
        };
    }

    List<OtlpSpan> fromJson(byte[] body) throws OtlpFormatException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new OtlpFormatException("Body is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new OtlpFormatException("Body must be a JSON object with resourceSpans");
        }
        List<OtlpSpan> out = new ArrayList<>();
        for (JsonNode rs : root.path("resourceSpans")) {
            Map<String, Object> resource = jsonAttributes(rs.path("resource").path("attributes"));
            JsonNode scopes = rs.has("scopeSpans") ? rs.path("scopeSpans") : rs.path("instrumentationLibrarySpans");
            for (JsonNode ss : scopes) {
                for (JsonNode span : ss.path("spans")) {
                    out.add(jsonSpan(span, resource));
                }
            }
        }
        return out;
    }

    private OtlpSpan jsonSpan(JsonNode span, Map<String, Object> resource) throws OtlpFormatException {
        String traceId = span.path("traceId").asText("").toLowerCase(Locale.ROOT);
        String spanId = span.path("spanId").asText("").toLowerCase(Locale.ROOT);
        if (!traceId.matches("[0-9a-f]{32}") || !spanId.matches("[0-9a-f]{16}")) {
            throw new OtlpFormatException("traceId must be 32 hex digits and spanId 16 (OTLP JSON uses hex, not"
                    + " base64); got traceId=" + traceId + " spanId=" + spanId);
        }
        String parent = span.path("parentSpanId").asText("").toLowerCase(Locale.ROOT);
        JsonNode status = span.path("status");
        return new OtlpSpan(traceId, spanId, parent.isEmpty() ? null : parent, span.path("name").asText(""),
                enumValue(span.path("kind"), "SPAN_KIND_", List.of("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT",
                        "PRODUCER", "CONSUMER")),
                longValue(span.path("startTimeUnixNano")), longValue(span.path("endTimeUnixNano")),
                enumValue(status.path("code"), "STATUS_CODE_", List.of("UNSET", "OK", "ERROR")),
                status.path("message").asText(""), jsonAttributes(span.path("attributes")), resource);
    }

    private static int enumValue(JsonNode node, String prefix, List<String> names) {
        if (node.isNumber()) {
            return node.asInt();
        }
        String text = node.asText("");
        int i = names.indexOf(text.startsWith(prefix) ? text.substring(prefix.length()) : text);
        return Math.max(i, 0);
    }

    private static long longValue(JsonNode node) {
        if (node.isNumber()) {
            return node.asLong();
        }
        try {
            return Long.parseUnsignedLong(node.asText("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, Object> jsonAttributes(JsonNode list) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (JsonNode kv : list) {
            Object v = jsonValue(kv.path("value"));
            if (v != null) {
                out.put(kv.path("key").asText(), v);
            }
        }
        return out;
    }

    private static Object jsonValue(JsonNode v) {
        if (v.has("stringValue")) {
            return v.get("stringValue").asText();
        }
        if (v.has("boolValue")) {
            return v.get("boolValue").asBoolean();
        }
        if (v.has("intValue")) {
            return longValue(v.get("intValue"));
        }
        if (v.has("doubleValue")) {
            return v.get("doubleValue").asDouble();
        }
        if (v.has("arrayValue")) {
            List<Object> values = new ArrayList<>();
            for (JsonNode item : v.path("arrayValue").path("values")) {
                Object o = jsonValue(item);
                if (o != null) {
                    values.add(o);
                }
            }
            return values;
        }
        return null;
    }
}
