package dev.meshwalk.localcloud.dataplane.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The ECS task metadata endpoint v4 for local tasks. On ECS the agent serves each container at
 * {@code ECS_CONTAINER_METADATA_URI_V4} ({@code http://169.254.170.2/v4/<id>}): {@code /} answers the container's
 * metadata, {@code /task} the task's. Locally one loopback listener serves every container of every task, keyed by
 * the path's {@code <id>}, so a task costs an entry in a map and no thread or port of its own.
 *
 * <p>The listener starts with the first registered container and stops when the last one is removed, so a data plane
 * without tasks holds no socket; its handlers run on the data plane's shared HTTP pool. The documents are built when
 * asked, from the task's current state.
 */
public final class TaskMetadataEndpoint implements AutoCloseable {

    static final String PATH_PREFIX = "/v4/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpListeners listeners;
    private final Map<String, Documents> containers = new ConcurrentHashMap<>();
    private HttpServer server;
    private boolean closed;

    /** What the endpoint answers for one container: its own document and its task's. */
    record Documents(Supplier<JsonNode> container, Supplier<JsonNode> task) {
    }

    /** @param listeners opens the loopback listener on the data plane's shared handler pool */
    public TaskMetadataEndpoint(HttpListeners listeners) {
        this.listeners = listeners;
    }

    /**
     * Serves {@code documents} under {@code id} and returns the URI to give the container as
     * {@code ECS_CONTAINER_METADATA_URI_V4}.
     *
     * @throws UncheckedIOException when the listener cannot be opened (the container then fails to start)
     */
    synchronized String register(String id, Documents documents) {
        if (closed) {
            throw new IllegalStateException("the task metadata endpoint is closed");
        }
        if (server == null) {
            try {
                server = listeners.open(InetAddress.getLoopbackAddress(), 0, this::handle);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the ECS task metadata endpoint on loopback: " + e.getMessage(), e);
            }
        }
        containers.put(id, documents);
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + PATH_PREFIX + id;
    }

    /** Stops serving {@code id}; the listener stops with the last container. */
    synchronized void unregister(String id) {
        containers.remove(id);
        if (containers.isEmpty()) {
            stopListener();
        }
    }

    /** Number of containers served (for tests and the data plane's own checks). */
    int size() {
        return containers.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, error("the task metadata endpoint answers GET only"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path == null || !path.startsWith(PATH_PREFIX)) {
                send(exchange, 404, error("no such path: the endpoint serves " + PATH_PREFIX + "<id> and "
                        + PATH_PREFIX + "<id>/task"));
                return;
            }
            String rest = path.substring(PATH_PREFIX.length());
            if (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            boolean task = rest.endsWith("/task");
            String id = task ? rest.substring(0, rest.length() - "/task".length()) : rest;
            Documents documents = containers.get(id);
            if (documents == null) {
                send(exchange, 404, error("no running container has metadata id " + id
                        + " (its task stopped, or the path has more after /task)"));
                return;
            }
            send(exchange, 200, task ? documents.task().get() : documents.container().get());
        }
    }

    private static JsonNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void stopListener() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Stops the listener; later registrations fail. */
    @Override
    public synchronized void close() {
        closed = true;
        containers.clear();
        stopListener();
    }
}
