package dev.meshwalk.localcloud.service.xray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The X-Ray trace store: every accepted document, grouped by trace, indexed by segment start time (so a
 * service graph over a window touches only that window) and by (trace id, entity id) (so parent links
 * resolve in constant time).
 *
 * <p><b>Memory budget.</b> The store holds at most {@code maxDocuments} documents and about
 * {@code maxBytes} of document text. When a put goes over either limit, whole traces are dropped, the
 * trace that arrived first going first, until the store is back under both. A trace is never cut in half,
 * so a trace that is still visible is always complete.
 *
 * <p><b>Threads.</b> One read-write lock: puts take the write lock briefly; queries run their whole
 * computation under the read lock through {@link #read}, so they see one consistent state and never
 * copy the store.
 */
public final class TraceStore {

    /** Default budget: enough for hours of tutorial traffic, small enough for a laptop JVM. */
    public static final int DEFAULT_MAX_DOCUMENTS = 200_000;
    public static final long DEFAULT_MAX_BYTES = 128L * 1024 * 1024;

    private final int maxDocuments;
    private final long maxBytes;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Trace id to its documents; insertion order = order of first arrival = eviction order. */
    private final LinkedHashMap<String, List<StoredDocument>> traces = new LinkedHashMap<>();
    /** Complete and in-progress segments by start time. */
    private final TreeMap<TimeKey, StoredDocument> segmentsByStart = new TreeMap<>();
    /** (trace, entity id) to where the entity lives, nested subsegments included. */
    private final Map<EntityKey, Located> entities = new HashMap<>();
    /** (trace, parent id) to how many segments name it as parent. */
    private final Map<EntityKey, Integer> segmentChildren = new HashMap<>();
    private long arrivals;
    private int documentCount;
    private long bytes;
    private long evictedTraces;

    public TraceStore() {
        this(DEFAULT_MAX_DOCUMENTS, DEFAULT_MAX_BYTES);
    }

    public TraceStore(int maxDocuments, long maxBytes) {
        if (maxDocuments < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("the trace store budget must be positive");
        }
        this.maxDocuments = maxDocuments;
        this.maxBytes = maxBytes;
    }

    /** Where an entity was found: the entity and the stored document that holds it. */
    public record Located(TraceEntity entity, StoredDocument holder) {
    }

    private record TimeKey(double start, long arrival) implements Comparable<TimeKey> {
        @Override
        public int compareTo(TimeKey o) {
            int c = Double.compare(start, o.start);
            return c != 0 ? c : Long.compare(arrival, o.arrival);
        }
    }

    /**
     * Stores a parsed document. A document whose (trace, id) is already stored replaces it: that is how
     * the complete copy of an {@code in_progress} segment takes its place.
     */
    public void put(TraceEntity entity, String document) {
        lock.writeLock().lock();
        try {
            Located previous = entities.get(key(entity.traceId(), entity.id()));
            if (previous != null && previous.holder().entity() == previous.entity()) {
                remove(previous.holder());
            }
            StoredDocument stored = new StoredDocument(entity, document, arrivals++);
            traces.computeIfAbsent(entity.traceId(), t -> new ArrayList<>()).add(stored);
            index(stored);
            documentCount++;
            bytes += stored.approximateBytes();
            evictOverBudget();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs a query against one consistent state of the store. The view must not escape the function. */
    public <T> T read(Function<View, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(new View());
        } finally {
            lock.readLock().unlock();
        }
    }

    public int documentCount() {
        lock.readLock().lock();
        try {
            return documentCount;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many whole traces the budget has pushed out so far. */
    public long evictedTraces() {
        lock.readLock().lock();
        try {
            return evictedTraces;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Read access for queries; valid only inside {@link #read}. */
    public final class View {

        /** Segments (not independent subsegments) whose start time is in [from, to], oldest first. */
        public Collection<StoredDocument> segmentsStartingBetween(double from, double to) {
            NavigableMap<TimeKey, StoredDocument> range = segmentsByStart.subMap(
                    new TimeKey(from, Long.MIN_VALUE), true, new TimeKey(to, Long.MAX_VALUE), true);
            return range.values();
        }

        public Located find(String traceId, String entityId) {
            return entities.get(key(traceId, entityId));
        }

        /** True if some stored segment names this (sub)segment as its parent: the callee is instrumented. */
        public boolean hasChildSegment(String traceId, String entityId) {
            return segmentChildren.containsKey(key(traceId, entityId));
        }

        /** All documents of a trace in arrival order, or an empty list. */
        public List<StoredDocument> trace(String traceId) {
            return traces.getOrDefault(traceId, List.of());
        }

        /**
         * The segment a (sub)segment belongs to, following parent links through separately sent
         * subsegments; null when the chain leaves the store.
         */
        public StoredDocument owningSegment(Located located) {
            Located current = located;
            for (int hops = 0; current != null && hops < 256; hops++) {
                StoredDocument holder = current.holder();
                if (holder.entity().segment()) {
                    return holder;
                }
                current = find(holder.entity().traceId(), holder.entity().parentId());
            }
            return null;
        }
    }

    private void index(StoredDocument stored) {
        TraceEntity entity = stored.entity();
        if (entity.segment()) {
            segmentsByStart.put(new TimeKey(entity.startTime(), stored.arrival()), stored);
            if (entity.parentId() != null) {
                segmentChildren.merge(key(entity.traceId(), entity.parentId()), 1, Integer::sum);
            }
        }
        indexEntities(entity, stored);
    }

    private void indexEntities(TraceEntity entity, StoredDocument holder) {
        entities.put(key(entity.traceId(), entity.id()), new Located(entity, holder));
        for (TraceEntity child : entity.subsegments()) {
            indexEntities(child, holder);
        }
    }

    private void remove(StoredDocument stored) {
        TraceEntity entity = stored.entity();
        if (entity.segment()) {
            segmentsByStart.remove(new TimeKey(entity.startTime(), stored.arrival()));
            if (entity.parentId() != null) {
                segmentChildren.computeIfPresent(key(entity.traceId(), entity.parentId()),
                        (k, n) -> n > 1 ? n - 1 : null);
            }
        }
        unindexEntities(entity, stored);
        List<StoredDocument> trace = traces.get(entity.traceId());
        if (trace != null) {
            trace.removeIf(d -> d == stored);
            if (trace.isEmpty()) {
                traces.remove(entity.traceId());
            }
        }
        documentCount--;
        bytes -= stored.approximateBytes();
    }

    private void unindexEntities(TraceEntity entity, StoredDocument holder) {
        EntityKey k = key(entity.traceId(), entity.id());
        Located located = entities.get(k);
        if (located != null && located.holder() == holder) {
            entities.remove(k);
        }
        for (TraceEntity child : entity.subsegments()) {
            unindexEntities(child, holder);
        }
    }

    private void evictOverBudget() {
        Iterator<Map.Entry<String, List<StoredDocument>>> oldest = traces.entrySet().iterator();
        while ((documentCount > maxDocuments || bytes > maxBytes) && oldest.hasNext()) {
            List<StoredDocument> docs = new ArrayList<>(oldest.next().getValue());
            oldest.remove();
            for (StoredDocument doc : docs) {
                TraceEntity entity = doc.entity();
                if (entity.segment()) {
                    segmentsByStart.remove(new TimeKey(entity.startTime(), doc.arrival()));
                    if (entity.parentId() != null) {
                        segmentChildren.computeIfPresent(key(entity.traceId(), entity.parentId()),
                                (k, n) -> n > 1 ? n - 1 : null);
                    }
                }
                unindexEntities(entity, doc);
                documentCount--;
                bytes -= doc.approximateBytes();
            }
            evictedTraces++;
        }
    }

    private static EntityKey key(String traceId, String id) {
        return new EntityKey(traceId, id);
    }

    /** (trace id, entity id): ids are unique only within a trace. Both strings cache their hashes. */
    private record EntityKey(String traceId, String id) {
    }
}
