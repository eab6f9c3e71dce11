package dev.meshwalk.localcloud.service.appmesh;

import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What App Mesh's API knows about each resource beyond the stack's record: its version and timestamps, and the
 * spec an {@code UpdateRoute} / {@code UpdateVirtualNode} set outside CloudFormation. As on AWS the stack does not
 * know about such a change; when the stack next updates that resource its spec wins again (the override is
 * dropped here, and the data plane bridge pushes the stack's spec to the proxies).
 */
final class MeshRevisions implements ResourceListener {

    /** One resource's API state; {@code apiSpec} null means "the stack's spec". */
    record Revision(long version, Instant createdAt, Instant lastUpdatedAt, Map<String, Object> apiSpec) {
    }

    private final Clock clock;
    private final Map<String, Revision> byArn = new ConcurrentHashMap<>();

    MeshRevisions(Clock clock) {
        this.clock = clock;
    }

    Revision of(String arn) {
        return byArn.computeIfAbsent(arn, a -> new Revision(1, clock.instant(), clock.instant(), null));
    }

    Optional<Map<String, Object>> apiSpec(String arn) {
        return Optional.ofNullable(of(arn).apiSpec());
    }

    /** Records an API update: a new version whose spec is {@code spec}. */
    Revision updatedByApi(String arn, Map<String, Object> spec) {
        return byArn.compute(arn, (a, old) -> {
            Revision base = old != null ? old : new Revision(1, clock.instant(), clock.instant(), null);
            return new Revision(base.version() + 1, base.createdAt(), clock.instant(), spec);
        });
    }

    @Override
    public void created(ResourceRecord record) {
        byArn.put(record.physicalId(), new Revision(1, clock.instant(), clock.instant(), null));
    }

    @Override
    public void updated(ResourceRecord before, ResourceRecord after) {
        byArn.compute(after.physicalId(), (a, old) -> old == null
                ? new Revision(1, clock.instant(), clock.instant(), null)
                : new Revision(old.version() + 1, old.createdAt(), clock.instant(), null));
    }

    @Override
    public void deleted(ResourceRecord record) {
        byArn.remove(record.physicalId());
    }
}
