package dev.meshwalk.apps.front;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A color look-alike whose status the test chooses (failures, recoveries), or that holds its answer until the test
 * releases it (a request the test knows is in flight).
 */
final class StubColor implements AutoCloseable {
    private final HttpServer server;
    private volatile int status;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released;

    private StubColor(int initialStatus, String body, boolean held) throws IOException {
        this.status = initialStatus;
        this.released = new CountDownLatch(held ? 1 : 0);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            arrived.countDown();
            try {
                released.await(10, TimeUnit.SECONDS);
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
        return new StubColor(status, body, false);
    }

    /** Answers 200 with {@code body}, but only once {@link #release()} is called. */
    static StubColor held(String body) throws IOException {
        return new StubColor(200, body, true);
    }

    /** Waits until a request has arrived (and is being held). */
    boolean awaitRequest(Duration limit) throws InterruptedException {
        return arrived.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets every held request (and every later one) be answered. */
    void release() {
        released.countDown();
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
        release();
        server.stop(0);
    }
}
