package dev.meshwalk.traffic;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the front service the way the seed's {@code curl $FRONT_ENDPOINT/color} does: {@code GET /color}
 * answers {@code {"color":"green","stats":{"green":1.0}}}; {@code GET /color/clear} empties front's history.
 * Every outcome, including failures, becomes a {@link TrafficEvent}; nothing is thrown.
 */
public final class FrontClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Upper bound on {@code /color/clear} calls for one {@link #clear()}: enough for ten tasks behind a balancer. */
    static final int MAX_CLEAR_CALLS = 40;

    private final URI base;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient http;

    /** @param endpoint the front endpoint, e.g. {@code http://127.0.0.1:34567} (a trailing slash is fine) */
    public FrontClient(URI endpoint, Duration timeout) {
        String text = endpoint.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.timeout = timeout;
        String name = "meshwalk-traffic-http-" + base.getAuthority();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI endpoint() {
        return base;
    }

    /** One {@code GET /color}, classified. */
    public TrafficEvent getColor(long sequence) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(base.getPath() + "/color")).timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            int status = response.statusCode();
            if (status >= 500) {
                return failure(sequence, at, OptionalInt.of(status), latency, ErrorKind.HTTP_5XX, firstLine(response.body()));
            }
            if (status != 200) {
                return failure(sequence, at, OptionalInt.of(status), latency, ErrorKind.HTTP_OTHER, firstLine(response.body()));
            }
            return parse(sequence, at, latency, response.body());
        } catch (HttpTimeoutException e) {
            return failure(sequence, at, OptionalInt.empty(), Duration.ofNanos(System.nanoTime() - start), ErrorKind.TIMEOUT,
                    "no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            boolean unresolved = causedBy(e, java.nio.channels.UnresolvedAddressException.class)
                    || causedBy(e, java.net.UnknownHostException.class);
            return failure(sequence, at, OptionalInt.empty(), Duration.ofNanos(System.nanoTime() - start),
                    unresolved ? ErrorKind.UNRESOLVED : ErrorKind.CONNECTION_REFUSED,
                    (unresolved ? "cannot resolve " + base.getHost() : "connection refused by " + base.getAuthority()));
        } catch (IOException e) {
            return failure(sequence, at, OptionalInt.empty(), Duration.ofNanos(System.nanoTime() - start), ErrorKind.OTHER,
                    String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(sequence, at, OptionalInt.empty(), Duration.ofNanos(System.nanoTime() - start), ErrorKind.OTHER,
                    "interrupted");
        }
    }

    /**
     * Clears the history of every front task, not just the one the balancer picks: each task keeps its own ring
     * of answers and names itself in its {@code /color/clear} answer, so this calls until no new task has answered
     * for a while (twice the tasks seen, plus two) or {@link #MAX_CLEAR_CALLS} calls. Returns e.g.
     * {@code cleared 3 front tasks}.
     */
    public String clear() throws IOException {
        Set<String> tasks = new HashSet<>();
        int callsWithoutNewTask = 0;
        for (int call = 0; call < MAX_CLEAR_CALLS && callsWithoutNewTask < 2 * tasks.size() + 2; call++) {
            callsWithoutNewTask = tasks.add(clearOne()) ? 0 : callsWithoutNewTask + 1;
        }
        return "cleared " + tasks.size() + (tasks.size() == 1 ? " front task" : " front tasks");
    }

    private String clearOne() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(base.getPath() + "/color/clear")).timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("front answered " + response.statusCode() + " to /color/clear");
            }
            return response.body().trim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static TrafficEvent parse(long sequence, Instant at, Duration latency, String body) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode color = root == null ? null : root.get("color");
            if (color == null || !color.isTextual()) {
                return failure(sequence, at, OptionalInt.of(200), latency, ErrorKind.BAD_RESPONSE, firstLine(body));
            }
            Map<String, Double> stats = new LinkedHashMap<>();
            JsonNode s = root.get("stats");
            if (s != null && s.isObject()) {
                s.fields().forEachRemaining(e -> {
                    if (e.getValue().isNumber()) {
                        stats.put(e.getKey(), e.getValue().asDouble());
                    }
                });
            }
            return new TrafficEvent(sequence, at, OptionalInt.of(200), Optional.of(color.asText()), stats, latency,
                    Optional.empty(), "");
        } catch (IOException e) {
            return failure(sequence, at, OptionalInt.of(200), latency, ErrorKind.BAD_RESPONSE, firstLine(body));
        }
    }

    private static TrafficEvent failure(long sequence, Instant at, OptionalInt status, Duration latency, ErrorKind kind,
            String detail) {
        return new TrafficEvent(sequence, at, status, Optional.empty(), Map.of(), latency, Optional.of(kind), detail);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String body) {
        String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
