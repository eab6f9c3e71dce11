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
import java.util.function.LongSupplier;

/**
 * The X-Ray trace store: every accepted document, grouped by trace, indexed by segment start time (so a
 * service graph over a window touches only that window) and, within its trace, by entity id (so parent links
 * resolve in constant time).
 *
 * <p>Ids are unique only within a trace, so each {@link Trace} keeps its own id indexes and every stored
 * document points at its trace: a parent lookup hashes one short id in a small map instead of a (trace,
 * id) pair in one map of the whole store, and a query that starts from a document never looks its trace
 * up again.
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
    /** Stamps each trace's latest arrival, so a query can tell a trace still arriving from one that is whole. */
    private final LongSupplier nanoClock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Trace id to its documents and indexes; insertion order = order of first arrival = eviction order. */
    private final LinkedHashMap<String, Trace> traces = new LinkedHashMap<>();
    /** Complete and in-progress segments by start time. */
    private final TreeMap<TimeKey, StoredDocument> segmentsByStart = new TreeMap<>();
    private long arrivals;
    private int documentCount;
    private long bytes;
    private long evictedTraces;

    public TraceStore() {
        this(DEFAULT_MAX_DOCUMENTS, DEFAULT_MAX_BYTES);
    }

    /**
     * A store whose text budget fits a heap of {@code maxHeapBytes}: an eighth of it, at most
     * {@link #DEFAULT_MAX_BYTES}, at least 8 MB. A full store takes about twice its text in heap (parsed entities,
     * indexes), so the local cloud's JVM ({@code -Xmx384m}: 48 MB of documents, about an hour of chapter 3's
     * traffic at the tutorial's loop speed) keeps room for the data plane, and a process sized smaller by hand
     * evicts old traces instead of running out of memory. Under the mesh-hop benchmark's load the full default
     * budget held the process at ~460 MB RSS.
     */
    public static TraceStore forHeap(long maxHeapBytes) {
        long eighth = maxHeapBytes / 8;
        return new TraceStore(DEFAULT_MAX_DOCUMENTS, Math.max(8L * 1024 * 1024, Math.min(DEFAULT_MAX_BYTES, eighth)));
    }

    /** The most document text the store keeps before it evicts whole traces. */
    public long maxBytes() {
        return maxBytes;
    }

    public TraceStore(int maxDocuments, long maxBytes) {
        this(maxDocuments, maxBytes, System::nanoTime);
    }

    /** @param nanoClock monotonic nanoseconds, as {@link System#nanoTime} (tests pass their own) */
    public TraceStore(int maxDocuments, long maxBytes, LongSupplier nanoClock) {
        if (maxDocuments < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("the trace store budget must be positive");
        }
        this.maxDocuments = maxDocuments;
        this.maxBytes = maxBytes;
        this.nanoClock = nanoClock;
    }

    /** Where an entity was found: the entity and the stored document that holds it. */
    public record Located(TraceEntity entity, StoredDocument holder) {
    }

    /**
     * One trace: its documents in arrival order and what resolves ids inside it. Mutated only under the
     * store's write lock; read only under its read lock.
     */
    public static final class Trace {
        private final List<StoredDocument> documents = new ArrayList<>(8);
        /** Entity id to where the entity lives, nested subsegments included. */
        private final Map<String, Located> entities = new HashMap<>();
        /** Parent id to how many segments name it as parent. */
        private final Map<String, Integer> segmentChildren = new HashMap<>();
        /** Stored subsegments sent on their own (not nested in their segment's document). */
        private int independentSubsegments;
        /** When its latest document arrived ({@code nanoClock}). */
        private long lastArrivalNanos;

        private Trace() {
        }
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
            Trace existing = traces.get(entity.traceId());
            Located previous = existing == null ? null : existing.entities.get(entity.id());
            if (previous != null && previous.holder().entity() == previous.entity()) {
                remove(previous.holder());
            }
            Trace trace = traces.computeIfAbsent(entity.traceId(), t -> new Trace());
            StoredDocument stored = new StoredDocument(entity, document, arrivals++, trace);
            trace.documents.add(stored);
            trace.lastArrivalNanos = nanoClock.getAsLong();
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
            Trace trace = traces.get(traceId);
            return trace == null ? null : trace.entities.get(entityId);
        }

        /** {@link #find(String, String)} in the trace of a document already at hand. */
        public Located find(StoredDocument sameTrace, String entityId) {
            return sameTrace.trace().entities.get(entityId);
        }

        /** True if some stored segment names this (sub)segment as its parent: the callee is instrumented. */
        public boolean hasChildSegment(String traceId, String entityId) {
            Trace trace = traces.get(traceId);
            return trace != null && trace.segmentChildren.containsKey(entityId);
        }

        /** {@link #hasChildSegment(String, String)} in the trace of a document already at hand. */
        public boolean hasChildSegment(StoredDocument sameTrace, String entityId) {
            return sameTrace.trace().segmentChildren.containsKey(entityId);
        }

        /**
         * True if a document of this one's trace arrived less than {@code nanos} ago: the trace may still be
         * missing pieces that are on their way (each app exports its spans in batches of its own).
         */
        public boolean arrivedWithin(StoredDocument doc, long nanos) {
            return nanoClock.getAsLong() - doc.trace().lastArrivalNanos < nanos;
        }

        /** True if the document's trace holds subsegments sent on their own. */
        public boolean hasIndependentSubsegments(StoredDocument doc) {
            return doc.trace().independentSubsegments > 0;
        }

        /** All documents of a trace in arrival order, or an empty list. */
        public List<StoredDocument> trace(String traceId) {
            Trace trace = traces.get(traceId);
            return trace == null ? List.of() : trace.documents;
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
                current = find(holder, holder.entity().parentId());
            }
            return null;
        }
    }

    private void index(StoredDocument stored) {
        TraceEntity entity = stored.entity();
        Trace trace = stored.trace();
        if (entity.segment()) {
            segmentsByStart.put(new TimeKey(entity.startTime(), stored.arrival()), stored);
            if (entity.parentId() != null) {
                trace.segmentChildren.merge(entity.parentId(), 1, Integer::sum);
            }
        } else {
            trace.independentSubsegments++;
        }
        indexEntities(entity, stored);
    }

    private static void indexEntities(TraceEntity entity, StoredDocument holder) {
        holder.trace().entities.put(entity.id(), new Located(entity, holder));
        for (TraceEntity child : entity.subsegments()) {
            indexEntities(child, holder);
        }
    }

    private void remove(StoredDocument stored) {
        TraceEntity entity = stored.entity();
        Trace trace = stored.trace();
        if (entity.segment()) {
            segmentsByStart.remove(new TimeKey(entity.startTime(), stored.arrival()));
            if (entity.parentId() != null) {
                trace.segmentChildren.computeIfPresent(entity.parentId(), (k, n) -> n > 1 ? n - 1 : null);
            }
        } else {
            trace.independentSubsegments--;
        }
        unindexEntities(entity, stored);
        trace.documents.removeIf(d -> d == stored);
        if (trace.documents.isEmpty()) {
            traces.remove(entity.traceId());
        }
        documentCount--;
        bytes -= stored.approximateBytes();
    }

    private static void unindexEntities(TraceEntity entity, StoredDocument holder) {
        Map<String, Located> entities = holder.trace().entities;
        Located located = entities.get(entity.id());
        if (located != null && located.holder() == holder) {
            entities.remove(entity.id());
        }
        for (TraceEntity child : entity.subsegments()) {
            unindexEntities(child, holder);
        }
    }

    private void evictOverBudget() {
        Iterator<Trace> oldest = traces.values().iterator();
        while ((documentCount > maxDocuments || bytes > maxBytes) && oldest.hasNext()) {
            // The whole trace goes, its id indexes with it; only the time index is shared with other traces.
            Trace trace = oldest.next();
            oldest.remove();
            for (StoredDocument doc : trace.documents) {
                TraceEntity entity = doc.entity();
                if (entity.segment()) {
                    segmentsByStart.remove(new TimeKey(entity.startTime(), doc.arrival()));
                }
                documentCount--;
                bytes -= doc.approximateBytes();
            }
            evictedTraces++;
        }
    }
}
