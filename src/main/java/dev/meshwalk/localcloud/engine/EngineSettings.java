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
        // Well below every client's read timeout (the SDK's default socket timeout is 30 s, the CLIs' 60 s): a
        // mutating call held longer is retried by the client and the retry fails (e.g. InvalidChangeSetStatus for
        // an ExecuteChangeSet whose canary bakes for a minute). Most local operations finish within this anyway.
        return new EngineSettings(Duration.ofSeconds(10), 8, 4);
    }

    public EngineSettings withSyncWait(Duration wait) {
        return new EngineSettings(wait, resourceThreads, operationThreads);
    }
}
