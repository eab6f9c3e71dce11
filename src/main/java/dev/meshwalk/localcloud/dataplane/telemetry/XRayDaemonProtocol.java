package dev.meshwalk.localcloud.dataplane.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The X-Ray daemon's UDP datagram format: a JSON header line, a newline, then one segment document,
 * e.g. {@code {"format": "json", "version": 1}\n{"trace_id": ...}}. Like the daemon, the header is
 * parsed as JSON (Envoy writes it without spaces), {@code format} must be {@code json} in any case and
 * {@code version} must be 1.
 */
final class XRayDaemonProtocol {

    private static final String COMPACT = "{\"format\":\"json\",\"version\":1}";
    private static final String SPACED = "{\"format\": \"json\", \"version\": 1}";

    private final ObjectMapper json = new ObjectMapper();

    /** The segment document in a datagram. */
    String segmentOf(String datagram) {
        int newline = datagram.indexOf('\n');
        if (newline < 0) {
            throw new IllegalArgumentException("Invalid header: a datagram must be '{\"format\":\"json\",\"version\":1}'"
                    + " + newline + segment JSON");
        }
        if (!isUsualHeader(datagram, newline)) {
            checkHeader(datagram, newline);
        }
        String body = datagram.substring(newline + 1).strip();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("Empty segment after the header");
        }
        return body;
    }

    /** The header exactly as Envoy or the X-Ray SDKs write it: valid, no JSON parse needed. */
    private static boolean isUsualHeader(String datagram, int newline) {
        return (newline == COMPACT.length() && datagram.startsWith(COMPACT))
                || (newline == SPACED.length() && datagram.startsWith(SPACED));
    }

    private void checkHeader(String datagram, int newline) {
        JsonNode header;
        try {
            header = json.readTree(datagram.substring(0, newline));
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid header: not JSON: " + datagram.substring(0, Math.min(newline, 80)));
        }
        if (header == null || !header.path("format").asText("").equalsIgnoreCase("json")
                || header.path("version").asInt(-1) != 1) {
            throw new IllegalArgumentException("Invalid header: expected format json and version 1, got "
                    + datagram.substring(0, Math.min(newline, 80)));
        }
    }
}
