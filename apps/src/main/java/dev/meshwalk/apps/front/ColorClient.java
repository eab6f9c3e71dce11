package dev.meshwalk.apps.front;

import dev.meshwalk.apps.common.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One blocking call to color, traced as a client span. Timeouts are short so a dead color turns into a quick 500,
 * not a hung request.
 *
 * <p>Straight to color (DNS), {@link HttpURLConnection} fits: requests run on the server's bounded worker threads,
 * keep-alive connections are reused, and it starts no threads of its own. Through the mesh proxy, this instance
 * keeps its own connections to its proxy ({@link ProxyClient}, which says why).
 */
final class ColorClient implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** A color is a word; anything longer than this is not a color answer. */
    private static final int MAX_BODY_BYTES = 4096;

    private final HostAndPort colorHost;
    private final ColorRoute route;
    private final Telemetry telemetry;
    /** This instance's connections to its proxy; null until the first proxied call. */
    private ProxyClient proxied;

    ColorClient(HostAndPort colorHost, ColorRoute route, Telemetry telemetry) {
        this.colorHost = colorHost;
        this.route = route;
        this.telemetry = telemetry;
    }

    /** The color the next instance answers, trimmed; fails on network errors and non-2xx answers. */
    String fetchColor() throws IOException {
        try (Telemetry.ClientSpan span = telemetry.startClientSpan("GET", colorHost.host(), colorHost.port(), "/")) {
            try {
                return call(span);
            } catch (IOException failed) {
                span.failed(failed);
                throw failed;
            }
        }
    }

    private String call(Telemetry.ClientSpan span) throws IOException {
        ColorTarget target = route.next();
        span.sentTo(target.uri());
        if (target.proxy().type() == Proxy.Type.HTTP) {
            return callThroughProxy(target, span);
        }
        HttpURLConnection connection = (HttpURLConnection) target.uri().toURL().openConnection(target.proxy());
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
        connection.setUseCaches(false);
        connection.setInstanceFollowRedirects(false);
        span.inject(connection::setRequestProperty);
        try {
            int status = connection.getResponseCode();
            span.answered(status);
            if (status < 200 || status > 299) {
                drain(connection.getErrorStream());
                throw new IOException("color answered HTTP " + status + " at " + target.uri());
            }
            try (InputStream body = connection.getInputStream()) {
                return colorOf(body.readNBytes(MAX_BODY_BYTES + 1), target);
            }
        } catch (IOException failed) {
            connection.disconnect();
            throw failed;
        }
    }

    private String callThroughProxy(ColorTarget target, Telemetry.ClientSpan span) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        span.inject(headers::put);
        ProxyClient.Answer answer = proxyClient(target.proxy()).get(target.uri(), headers, MAX_BODY_BYTES);
        span.answered(answer.status());
        if (answer.status() < 200 || answer.status() > 299) {
            throw new IOException("color answered HTTP " + answer.status() + " at " + target.uri());
        }
        return colorOf(answer.body(), target);
    }

    private static String colorOf(byte[] bytes, ColorTarget target) throws IOException {
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IOException("color's answer is longer than " + MAX_BODY_BYTES + " bytes");
        }
        String color = new String(bytes, StandardCharsets.UTF_8).trim();
        if (color.isEmpty()) {
            throw new IOException("color answered an empty body at " + target.uri());
        }
        return color;
    }

    private synchronized ProxyClient proxyClient(Proxy proxy) {
        if (proxied == null) {
            proxied = new ProxyClient((InetSocketAddress) proxy.address(), CONNECT_TIMEOUT, READ_TIMEOUT);
        }
        return proxied;
    }

    /** Closes the idle connections to the proxy (mesh mode). */
    @Override
    public synchronized void close() {
        if (proxied != null) {
            proxied.close();
        }
    }

    private static void drain(InputStream errorBody) throws IOException {
        if (errorBody != null) {
            try (errorBody) {
                errorBody.readNBytes(MAX_BODY_BYTES);
            }
        }
    }

    String describe() {
        return route.describe();
    }
}
