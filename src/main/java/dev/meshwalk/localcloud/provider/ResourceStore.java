package dev.meshwalk.localcloud.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A family's resources by physical id, safe under the engine's parallel workers, with listeners the data
 * plane registers to turn records into running things. Family classes ({@code EcsResources}, ...) extend it
 * with the queries their runtime needs.
 */
public class ResourceStore {

    private final Map<String, ResourceRecord> byPhysicalId = new ConcurrentHashMap<>();
    private final List<ResourceListener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(ResourceListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ResourceListener listener) {
        listeners.remove(listener);
    }

    public Optional<ResourceRecord> get(String physicalId) {
        return Optional.ofNullable(byPhysicalId.get(physicalId));
    }

    /** All records of one type, e.g. every {@code AWS::ECS::Service}. */
    public List<ResourceRecord> ofType(String type) {
        List<ResourceRecord> out = new ArrayList<>();
        for (ResourceRecord r : byPhysicalId.values()) {
            if (r.type().equals(type)) {
                out.add(r);
            }
        }
        return out;
    }

    public List<ResourceRecord> all() {
        return new ArrayList<>(byPhysicalId.values());
    }

    void put(ResourceRecord record) {
        byPhysicalId.put(record.physicalId(), record);
        try {
            listeners.forEach(l -> l.created(record));
        } catch (RuntimeException e) {
            byPhysicalId.remove(record.physicalId());
            throw e;
        }
    }

    void replace(ResourceRecord before, ResourceRecord after) {
        byPhysicalId.put(after.physicalId(), after);
        try {
            listeners.forEach(l -> l.updated(before, after));
        } catch (RuntimeException e) {
            byPhysicalId.put(before.physicalId(), before);
            throw e;
        }
    }

    void remove(String physicalId) {
        ResourceRecord gone = byPhysicalId.remove(physicalId);
        if (gone != null) {
            listeners.forEach(l -> l.deleted(gone));
        }
    }
}
