package dev.meshwalk.localcloud.service.xray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds X-Ray's service graph ({@code Services[]} with their {@code Edges[]}) from stored segments.
 *
 * <p>The rules, after the X-Ray developer guide (see docs/telemetry.md for the full list):
 * <ol>
 *   <li>A node per (segment name, origin); its statistics count its own segments, one request each.</li>
 *   <li>A segment without a parent (or whose parent never arrived) is a root: its node gets
 *       {@code Root: true} and a {@code client} node of the same name points at it, with the root
 *       segments' statistics on that edge.</li>
 *   <li>A segment whose parent is a <em>subsegment</em> U of segment T: edge node(T) → node(S), measured
 *       by U (the round trip the caller saw). Whose parent is a <em>segment</em> T (Envoy sends its own
 *       segment id): edge node(T) → node(S), measured by S.</li>
 *   <li>A downstream-call subsegment ({@code namespace} remote or aws) that no segment names as parent
 *       becomes an inferred node ({@code remote} or {@code AWS::<name>}, state {@code unknown}) with the
 *       subsegment's statistics, and an edge from the caller's node.</li>
 *   <li>While a trace is still arriving (a document of it came less than {@code settle} ago), rules 2 and 4
 *       wait: the missing parent or callee is usually in the next batch of another app's spans. Without
 *       this, a map drawn while traffic runs shows a phantom {@code remote} callee or {@code client} caller
 *       for the newest requests; X-Ray itself draws the map from traces it has finished processing.</li>
 * </ol>
 * Edges with the same ends merge; {@code ReferenceId}s are 0..n-1 in (name, type) order.
 */
final class ServiceGraphBuilder {

    private record NodeKey(String name, String type) {
    }

    private static final class Node {
        final NodeKey key;
        final String state;
        final boolean client;
        boolean root;
        String accountId;
        final RequestStatistics stats = new RequestStatistics();
        final Map<NodeKey, RequestStatistics> edges = new LinkedHashMap<>();
        int referenceId;

        Node(NodeKey key, String state, boolean client) {
            this.key = key;
            this.state = state;
            this.client = client;
        }

        RequestStatistics edgeTo(Node target) {
            return edges.computeIfAbsent(target.key, k -> new RequestStatistics());
        }
    }

    /**
     * How long GetServiceGraph waits for the rest of a trace before it draws a missing piece as a root or an
     * inferred node: the apps export spans every second and the intake translates them in order, so the
     * pieces of one request arrive within about two seconds of each other.
     */
    static final long SERVICE_GRAPH_SETTLE_NANOS = 3_000_000_000L;

    private final TraceStore.View view;
    private final String defaultAccountId;
    private final long settleNanos;
    private final Map<NodeKey, Node> nodes = new HashMap<>();

    /** @param settleNanos how long a trace counts as still arriving (rule 5); 0 draws every trace as it is */
    ServiceGraphBuilder(TraceStore.View view, String defaultAccountId, long settleNanos) {
        this.view = view;
        this.defaultAccountId = defaultAccountId;
        this.settleNanos = settleNanos;
    }

    /** Adds the given segments (in-progress ones are skipped) and returns the {@code Services} list. */
    List<Object> build(Collection<StoredDocument> segments) {
        // One pass over the collection: the store's time-range view counts its size by walking it.
        List<StoredDocument> window = new ArrayList<>();
        for (StoredDocument doc : segments) {
            window.add(doc);
        }
        // Identity, not record equality: equals/hashCode of a stored document would walk its whole entity tree.
        Set<StoredDocument> included = Collections.newSetFromMap(new IdentityHashMap<>(window.size()));
        // Only traces holding subsegments sent on their own need the second pass below.
        Set<String> traceIds = new HashSet<>(Math.max(16, window.size() / 2));
        for (StoredDocument doc : window) {
            TraceEntity s = doc.entity();
            if (!s.segment() || s.inProgress() || stillArriving(doc) && parentMissing(doc)) {
                continue;
            }
            included.add(doc);
            if (view.hasIndependentSubsegments(doc)) {
                traceIds.add(s.traceId());
            }
            Node node = serviceNode(s);
            node.stats.add(s);
            linkToCaller(doc, node);
            for (TraceEntity sub : s.subsegments()) {
                inferDownstream(sub, doc, node);
            }
        }
        for (String traceId : traceIds) {
            for (StoredDocument doc : view.trace(traceId)) {
                if (doc.entity().segment() || doc.entity().inProgress()) {
                    continue;
                }
                StoredDocument owner = view.owningSegment(view.find(doc, doc.entity().id()));
                if (owner != null && included.contains(owner)) {
                    inferDownstream(doc.entity(), doc, serviceNode(owner.entity()));
                }
            }
        }
        return render();
    }

    private boolean stillArriving(StoredDocument doc) {
        return settleNanos > 0 && view.arrivedWithin(doc, settleNanos);
    }

    /** Whether the segment names a parent that is not stored, or whose own segment is not. */
    private boolean parentMissing(StoredDocument doc) {
        String parentId = doc.entity().parentId();
        if (parentId == null) {
            return false;
        }
        TraceStore.Located parent = view.find(doc, parentId);
        return parent == null || !parent.entity().segment() && view.owningSegment(parent) == null;
    }

    private void linkToCaller(StoredDocument doc, Node node) {
        TraceEntity s = doc.entity();
        TraceStore.Located parent = s.parentId() == null ? null : view.find(doc, s.parentId());
        if (parent == null) {
            node.root = true;
            Node client = nodes.computeIfAbsent(new NodeKey(s.name(), "client"), k -> new Node(k, "unknown", true));
            client.edgeTo(node).add(s);
            return;
        }
        if (parent.entity().segment()) {
            serviceNode(parent.entity()).edgeTo(node).add(s);
            return;
        }
        StoredDocument caller = view.owningSegment(parent);
        if (caller == null) {
            node.root = true;
            Node client = nodes.computeIfAbsent(new NodeKey(s.name(), "client"), k -> new Node(k, "unknown", true));
            client.edgeTo(node).add(s);
            return;
        }
        serviceNode(caller.entity()).edgeTo(node).add(parent.entity());
    }

    /** {@code holder}: the stored document the subsegment is in (or is), for lookups in its trace. */
    private void inferDownstream(TraceEntity sub, StoredDocument holder, Node caller) {
        if (sub.isDownstreamCall() && !sub.inProgress() && !view.hasChildSegment(holder, sub.id())
                && !stillArriving(holder)) {
            String type = "aws".equals(sub.namespace()) ? "AWS::" + sub.name() : "remote";
            Node inferred = nodes.computeIfAbsent(new NodeKey(sub.name(), type), k -> new Node(k, "unknown", false));
            inferred.stats.add(sub);
            caller.edgeTo(inferred).add(sub);
        }
        for (TraceEntity child : sub.subsegments()) {
            inferDownstream(child, holder, caller);
        }
    }

    private Node serviceNode(TraceEntity segment) {
        Node node = nodes.computeIfAbsent(new NodeKey(segment.name(), segment.origin()),
                k -> new Node(k, "active", false));
        if (node.accountId == null) {
            node.accountId = segment.accountId() != null ? segment.accountId() : defaultAccountId;
        }
        return node;
    }

    private List<Object> render() {
        List<Node> ordered = new ArrayList<>(nodes.values());
        ordered.sort(Comparator.comparing((Node n) -> n.key.name())
                .thenComparing(n -> n.key.type() == null ? "" : n.key.type()));
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).referenceId = i;
        }
        List<Object> services = new ArrayList<>();
        for (Node node : ordered) {
            services.add(renderNode(node));
        }
        return services;
    }

    private Map<String, Object> renderNode(Node node) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ReferenceId", node.referenceId);
        out.put("Name", node.key.name());
        out.put("Names", List.of(node.key.name()));
        if (node.root) {
            out.put("Root", true);
        }
        if (!node.client && "active".equals(node.state) && node.accountId != null) {
            out.put("AccountId", node.accountId);
        }
        if (node.key.type() != null) {
            out.put("Type", node.key.type());
        }
        out.put("State", node.state);
        double first = node.stats.firstStart();
        double last = node.stats.lastEnd();
        if (node.client) {
            for (RequestStatistics edge : node.edges.values()) {
                first = Math.min(first, edge.firstStart());
                last = Math.max(last, edge.lastEnd());
            }
        }
        if (first <= last) {
            out.put("StartTime", RequestStatistics.wholeSecond(Math.floor(first)));
            out.put("EndTime", RequestStatistics.wholeSecond(Math.ceil(last)));
        }
        List<Object> edges = new ArrayList<>();
        node.edges.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> nodes.get(e.getKey()).referenceId))
                .forEach(e -> edges.add(renderEdge(nodes.get(e.getKey()).referenceId, e.getValue())));
        out.put("Edges", edges);
        if (!node.client) {
            out.put("SummaryStatistics", node.stats.summary());
            out.put("DurationHistogram", node.stats.histogram());
            out.put("ResponseTimeHistogram", node.stats.histogram());
        }
        return out;
    }

    private static Map<String, Object> renderEdge(int target, RequestStatistics stats) {
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("ReferenceId", target);
        edge.put("StartTime", stats.startTime());
        edge.put("EndTime", stats.endTime());
        edge.put("SummaryStatistics", stats.summary());
        edge.put("ResponseTimeHistogram", stats.histogram());
        edge.put("Aliases", List.of());
        return edge;
    }
}
