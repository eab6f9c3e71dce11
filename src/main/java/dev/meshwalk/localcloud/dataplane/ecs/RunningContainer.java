package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.Map;

/** A container's program while it runs. */
public interface RunningContainer extends AutoCloseable {

    /** False once the program has stopped on its own (ECS then sees the container exit). */
    boolean isAlive();

    /** Container port -> port reachable on the task address, for what this container listens on. */
    Map<Integer, Integer> boundPorts();

    /**
     * Environment this container offers the task's other containers, e.g. a telemetry sidecar's
     * {@code AWS_XRAY_DAEMON_ADDRESS} or {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the local stand-in for reaching a
     * sidecar on localhost).
     */
    default Map<String, String> environmentForSiblings() {
        return Map.of();
    }

    /** Stops the program and frees everything it holds; safe to call twice. */
    @Override
    void close();
}
