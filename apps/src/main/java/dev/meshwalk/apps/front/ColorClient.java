package dev.meshwalk.apps.front;

import dev.meshwalk.apps.common.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One blocking call to color, traced as a client span. Timeouts are short so a dead color turns into a quick 500,
 * not a hung request.
 *
 * <p>Straight to color (DNS), {@link HttpURLConnection} fits: requests run on the server's bounded worker threads,
 * keep-alive connections are reused, and it starts no threads of its own. Through the mesh proxy, this instance
 * has its own {@link HttpClient} (HTTP/1.1, one selector thread, no worker threads): the keep-alive cache of
 * {@code HttpURLConnection} is one per process and keyed by the target URL, not by the proxy, so several fronts in
 * one JVM (the local cloud runs every task in-process) took each other's connections to their own proxies, found
 * the proxy different and closed them; at 8 concurrent requests about half of the calls opened a new connection.
 */
final class ColorClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** A color is a word; anything longer than this is not a color answer. */
    private static final int MAX_BODY_BYTES = 4096;

    private final HostAndPort colorHost;
    private final ColorRoute route;
    private final Telemetry telemetry;
    /** Pools this instance's connections to its proxy; null until the first proxied call. */
    private volatile HttpClient proxied;

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
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri()).timeout(READ_TIMEOUT).GET();
        span.inject(request::setHeader);
        HttpResponse<InputStream> response;
        try {
            response = proxiedClient(target.proxy()).send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling color at " + target.uri());
        }
        int status = response.statusCode();
        span.answered(status);
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (status < 200 || status > 299) {
                throw new IOException("color answered HTTP " + status + " at " + target.uri());
            }
            return colorOf(bytes, target);
        }
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

    /**
     * The client for calls through {@code proxy}: HTTP/1.1 (a proxy gets no h2c upgrade), and callbacks run on its
     * selector thread (they only complete the waiting call), so it starts no worker threads.
     */
    private HttpClient proxiedClient(Proxy proxy) {
        HttpClient client = proxied;
        if (client == null) {
            synchronized (this) {
                client = proxied;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .proxy(ProxySelector.of((InetSocketAddress) proxy.address()))
                            .connectTimeout(CONNECT_TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .executor(Runnable::run)
                            .build();
                    proxied = client;
                }
            }
        }
        return client;
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
