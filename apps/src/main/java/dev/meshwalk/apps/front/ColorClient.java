package dev.meshwalk.apps.front;

import dev.meshwalk.apps.common.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One blocking call to color, traced as a client span. {@link HttpURLConnection} fits: requests run on the
 * server's bounded worker threads, the proxy is chosen per call, keep-alive connections are reused, and it
 * starts no threads of its own. Timeouts are short so a dead color turns into a quick 500, not a hung
 * request.
 */
final class ColorClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** A color is a word; anything longer than this is not a color answer. */
    private static final int MAX_BODY_BYTES = 4096;

    private final HostAndPort colorHost;
    private final ColorRoute route;
    private final Telemetry telemetry;

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
                byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    throw new IOException("color's answer is longer than " + MAX_BODY_BYTES + " bytes");
                }
                String color = new String(bytes, StandardCharsets.UTF_8).trim();
                if (color.isEmpty()) {
                    throw new IOException("color answered an empty body at " + target.uri());
                }
                return color;
            }
        } catch (IOException failed) {
            connection.disconnect();
            throw failed;
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
