package dev.meshwalk.apps.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The tests' HTTP client: one GET over loopback, never through a system proxy. */
public final class Http {
    private Http() {
    }

    /** Status and body of one answer. */
    public record Answer(int status, String body) {
    }

    public static Answer get(String host, int port, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + host + ":" + port + path)
                .toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(10000);
        int status = connection.getResponseCode();
        InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (body != null) {
            body.close();
        }
        return new Answer(status, text);
    }
}
