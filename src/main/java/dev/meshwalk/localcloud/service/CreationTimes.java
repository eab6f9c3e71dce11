package dev.meshwalk.localcloud.service;

import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each resource of a provider store was created, for the APIs that report it ({@code CreateDate},
 * {@code CreatedTime}): the stores keep what a resource is, not when it appeared. Registered on a store as a
 * listener, so an update keeps the first time and a delete forgets it.
 */
public final class CreationTimes implements ResourceListener {

    private final Clock clock;
    private final Map<String, Instant> created = new ConcurrentHashMap<>();

    public CreationTimes(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void created(ResourceRecord record) {
        created.putIfAbsent(record.physicalId(), clock.instant());
    }

    @Override
    public void deleted(ResourceRecord record) {
        created.remove(record.physicalId());
    }

    /** The creation time, or empty for a resource created before this listener was registered. */
    public Optional<Instant> of(String physicalId) {
        return Optional.ofNullable(created.get(physicalId));
    }
}
