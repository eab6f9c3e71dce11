package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.Map;
import java.util.OptionalInt;

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

    /**
     * ECS's stop signal (SIGTERM): stops the program and frees everything it holds, returning once it has exited;
     * safe to call twice. The task bounds the wait by the container's stop timeout and then calls {@link #kill()}.
     */
    @Override
    void close();

    /**
     * The forced stop (SIGKILL) for a container still running when its stop timeout ran out: {@link #close()}
     * must return soon after. The task also interrupts the thread waiting in {@code close()}, which is what ends an
     * in-process program's waits (in-flight requests, telemetry flushes); a program that runs a real process
     * destroys it forcibly here. Default: nothing beyond that interrupt.
     */
    default void kill() {
    }

    /**
     * The exit code of the program once it has stopped, when it knows one: a real process's exit value, or what the
     * image's process exits with on the stop signal (a JVM app: 143). Empty: the task reports 0 for a container that
     * exited on the stop signal and no code for one that stopped on its own.
     */
    default OptionalInt exitCode() {
        return OptionalInt.empty();
    }
}
