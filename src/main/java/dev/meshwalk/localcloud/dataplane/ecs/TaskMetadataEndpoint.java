package dev.meshwalk.localcloud.dataplane.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.meshwalk.localcloud.dataplane.net.HttpCall;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * without tasks holds no socket; it runs on the data plane's shared event loop. The documents are built when
 * asked, from the task's current state.
 */
public final class TaskMetadataEndpoint implements AutoCloseable {

    static final String PATH_PREFIX = "/v4/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpListeners listeners;
    private final Map<String, Documents> containers = new ConcurrentHashMap<>();
    private HttpListeners.Listener server;
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
        return "http://" + server.address().getAddress().getHostAddress() + ":" + server.port()
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

    private void handle(HttpCall call) {
        String method = call.request().method();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            send(call, 405, error("the task metadata endpoint answers GET only"), Map.of("Allow", "GET, HEAD"));
            return;
        }
        String path = call.request().path();
        if (!path.startsWith(PATH_PREFIX)) {
            send(call, 404, error("no such path: the endpoint serves " + PATH_PREFIX + "<id> and "
                    + PATH_PREFIX + "<id>/task"), Map.of());
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
            send(call, 404, error("no running container has metadata id " + id
                    + " (its task stopped, or the path has more after /task)"), Map.of());
            return;
        }
        send(call, 200, task ? documents.task().get() : documents.container().get(), Map.of());
    }

    private static JsonNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void send(HttpCall call, int status, JsonNode body, Map<String, String> headers) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            status = 500;
            bytes = ("{\"error\":\"cannot render the document\"}").getBytes(StandardCharsets.UTF_8);
        }
        call.respond(new Upstream.Answer(status, Map.of("Content-Type", List.of("application/json")), bytes), headers);
    }

    private void stopListener() {
        if (server != null) {
            server.close();
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
