package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The containers of one task that have started, in start order. Written by the launch (on the ECS worker pool),
 * read by health checks and the reconciler, so every read takes a snapshot.
 */
final class StartedContainers {

    private final Map<String, ContainerRun> runs = Collections.synchronizedMap(new LinkedHashMap<>());

    ContainerRun get(String containerName) {
        return runs.get(containerName);
    }

    void add(ContainerRun run) {
        runs.put(run.spec.name(), run);
    }

    /** In start order. */
    List<ContainerRun> snapshot() {
        synchronized (runs) {
            return new ArrayList<>(runs.values());
        }
    }

    /** What the started containers offer the next one's environment (sidecar endpoints). */
    Map<String, String> environmentForSiblings() {
        Map<String, String> out = new LinkedHashMap<>();
        snapshot().forEach(run -> out.putAll(run.running.environmentForSiblings()));
        return out;
    }
}
