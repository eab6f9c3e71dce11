package dev.meshwalk.localcloud.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer: status, content type (null for an empty body), extra headers and body bytes.
 * The server adds {@code x-amzn-RequestId} and the Content-Length.
 */
public record WireResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public WireResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static WireResponse of(int status, String contentType, byte[] body) {
        return new WireResponse(status, contentType, Map.of(), body);
    }

    public static WireResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with one more header. */
    public WireResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new WireResponse(status, contentType, more, body);
    }

    /** The body as UTF-8 text, for logs and tests. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
