package dev.meshwalk.traffic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the front service on loopback, answering {@code /color} with the seed's JSON shape from a
 * script of colors (a color name, {@code 500}, {@code slow}, or {@code junk}), keeping a ring like front does.
 * A {@code slow} answer is held until the fake closes, so a client's timeout fires whatever the machine's speed.
 * It can stand for several front tasks behind a round-robin balancer: {@code /color/clear} then goes to the next
 * task, which answers {@code cleared task-N} like front names its instance.
 */
final class FakeFront implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Deque<String> script;
    private final List<String> ring = new ArrayList<>();
    private final int[] clearsPerTask;
    private int nextTask;

    FakeFront(List<String> script) throws IOException {
        this(script, 1);
    }

    FakeFront(List<String> script, int tasks) throws IOException {
        this.script = new ArrayDeque<>(script);
        this.clearsPerTask = new int[tasks];
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/color", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized int clears() {
        return java.util.Arrays.stream(clearsPerTask).sum();
    }

    /** How often each task was cleared, by task number. */
    synchronized int[] clearsPerTask() {
        return clearsPerTask.clone();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        int status = 200;
        synchronized (this) {
            if (path.equals("/color/clear")) {
                ring.clear();
                int task = nextTask;
                nextTask = (nextTask + 1) % clearsPerTask.length;
                clearsPerTask[task]++;
                body = "cleared task-" + task;
            } else {
                String next = script.isEmpty() ? "green" : script.pollFirst();
                if (next.equals("500")) {
                    status = 500;
                    body = "500 - Unexpected Error";
                } else if (next.equals("junk")) {
                    body = "<html>not front</html>";
                } else if (next.equals("slow")) {
                    body = null;
                } else {
                    ring.add(next);
                    body = json(next);
                }
            }
        }
        if (body == null) {
            try {
                closing.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            body = json("late");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String json(String color) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ring.forEach(c -> counts.merge(c, 1L, Long::sum));
        StringBuilder stats = new StringBuilder();
        counts.forEach((c, n) -> stats.append(stats.length() == 0 ? "" : ",")
                .append(String.format(Locale.ROOT, "\"%s\":%.2f", c, (double) n / ring.size())));
        return "{\"color\":\"" + color + "\", \"stats\": {" + stats + "}}";
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
