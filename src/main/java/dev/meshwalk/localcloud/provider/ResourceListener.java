package dev.meshwalk.localcloud.provider;

/**
 * The data plane's hook into a family's records. Called synchronously on the engine's worker thread after the
 * record changed; a listener may block until the runtime object is usable (tasks healthy, listener bound) and
 * may throw {@link ProvisionException}, which fails the resource (the record change is undone) and makes the
 * stack roll back with that reason.
 */
public interface ResourceListener {

    default void created(ResourceRecord record) {
    }

    default void updated(ResourceRecord before, ResourceRecord after) {
    }

    default void deleted(ResourceRecord record) {
    }
}
