package dev.meshwalk.localcloud.engine;

import java.time.Duration;

/**
 * Tunables of the engine.
 *
 * @param syncWait how long a mutating call (ExecuteChangeSet, CreateStack, UpdateStack, DeleteStack) waits
 *                 for its operation before answering. Clients poll immediately and then sleep 5-30 s, so
 *                 answering after the operation finished saves a whole poll interval; the operation itself
 *                 always runs on the engine's threads, so a watcher sees it unfold either way.
 * @param resourceThreads how many resources may be provisioned at once, across all stacks
 * @param operationThreads how many stack operations may run at once
 */
public record EngineSettings(Duration syncWait, int resourceThreads, int operationThreads) {

    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(60), 8, 4);
    }

    public EngineSettings withSyncWait(Duration wait) {
        return new EngineSettings(wait, resourceThreads, operationThreads);
    }
}
