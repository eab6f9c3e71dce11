package dev.meshwalk.apps.front;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A color look-alike whose status and delay the test chooses (failures, slow answers). */
final class StubColor implements AutoCloseable {
    private final HttpServer server;
    private volatile int status;

    private StubColor(int initialStatus, String body, long delayMillis) throws IOException {
        this.status = initialStatus;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    static StubColor answering(int status, String body) throws IOException {
        return new StubColor(status, body, 0);
    }

    static StubColor slow(long delayMillis, String body) throws IOException {
        return new StubColor(200, body, delayMillis);
    }

    /** From now on answer with {@code newStatus} (a color that recovers or starts failing). */
    void answerWith(int newStatus) {
        this.status = newStatus;
    }

    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
