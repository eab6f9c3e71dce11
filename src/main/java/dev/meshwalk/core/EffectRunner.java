package dev.meshwalk.core;

/**
 * Performs effects off the UI thread. Implementations live outside the core (in {@code effects}) and post their
 * results back as Msgs through the sink they were built with; {@link #run} must never block the caller.
 */
public interface EffectRunner extends AutoCloseable {

    void run(Effect effect);

    /** Finishes queued writes (progress must not be lost on quit) and stops the runner's threads. */
    @Override
    void close();

    /** A runner that does nothing: for tests of front-ends that do not care about effects. */
    static EffectRunner none() {
        return new EffectRunner() {
            @Override
            public void run(Effect effect) {
            }

            @Override
            public void close() {
            }
        };
    }
}
