package dev.meshwalk.apps.front;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the mesh proxy's egress listener: records each request line's target and answers a color. */
final class FakeProxy implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requestTargets = new CopyOnWriteArrayList<>();
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final List<String> traceHeaders = new CopyOnWriteArrayList<>();

    FakeProxy(String color) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requestTargets.add(exchange.getRequestURI().toString());
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            String traceHeader = exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id");
            if (traceHeader != null) {
                traceHeaders.add(traceHeader);
            }
            byte[] body = color.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> requestTargets() {
        return requestTargets;
    }

    List<String> hostHeaders() {
        return hostHeaders;
    }

    List<String> traceHeaders() {
        return traceHeaders;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
