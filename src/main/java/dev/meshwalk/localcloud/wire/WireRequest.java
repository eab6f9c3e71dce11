package dev.meshwalk.localcloud.wire;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the wire layer sees it, free of {@code com.sun.net.httpserver} so that routing and
 * codecs can be tested without a socket.
 *
 * <p>The body is read lazily through a {@link BodySource}: the router picks the protocol from the method,
 * path and headers first, so that a body that is too large or not valid gzip is reported in the protocol
 * the client speaks.
 */
public final class WireRequest {

    /** Reads the (decompressed, size-checked) body; throws {@link WireFault} when it cannot. */
    @FunctionalInterface
    public interface BodySource {
        byte[] read();
    }

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final BodySource bodySource;
    private byte[] body;

    public WireRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                       BodySource bodySource) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path == null || path.isEmpty() ? "/" : path;
        this.rawQuery = rawQuery;
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                caseInsensitive.put(k, List.copyOf(v));
            }
        });
        this.headers = caseInsensitive;
        this.bodySource = bodySource;
    }

    /** A request whose body is already in memory (tests, and bodies read by the server). */
    public static WireRequest of(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String rawQuery = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            rawQuery = path.substring(q + 1);
            path = path.substring(0, q);
        }
        byte[] copy = body == null ? new byte[0] : body.clone();
        return new WireRequest(method, path, rawQuery, headers, () -> copy);
    }

    public String method() {
        return method;
    }

    /** The decoded path without the query string, e.g. {@code /service/X/operation/Y}. */
    public String path() {
        return path;
    }

    /** The raw (still percent-encoded) query string, or null. */
    public String rawQuery() {
        return rawQuery;
    }

    /** The first value of a header, matched case-insensitively (the SDK sends {@code Content-encoding}). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** The media type of the body, lower case and without parameters such as {@code charset}. */
    public String mediaType() {
        return header("Content-Type")
                .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
    }

    /** The body bytes, read once. */
    public synchronized byte[] body() {
        if (body == null) {
            body = bodySource.read();
        }
        return body;
    }
}
