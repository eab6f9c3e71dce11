package dev.meshwalk.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a service graph with its callers and callees, for maps too big to read whole: only the edges
 * into and out of the focus are kept, and what was left out is counted so the map can say so.
 *
 * @param graph        the focus, its callers and callees, and their edges to and from the focus
 * @param focus        the focused node's name
 * @param callers      how many nodes call it
 * @param callees      how many nodes it calls
 * @param hiddenNodes  nodes of the whole graph not shown
 * @param hiddenEdges  edges of the whole graph not shown
 */
public record FocusedGraph(ServiceGraph graph, String focus, int callers, int callees, int hiddenNodes,
                           int hiddenEdges) {

    /**
     * The focus on the node called {@code name} (any of its names, case ignored), or empty when no node has
     * that name; {@link #suggestions} then helps the learner pick one.
     */
    public static Optional<FocusedGraph> of(ServiceGraph whole, String name) {
        ServiceNode focus = find(whole, name).orElse(null);
        if (focus == null) {
            return Optional.empty();
        }
        int id = focus.referenceId();
        Set<Integer> callers = new LinkedHashSet<>();
        Set<Integer> callees = new LinkedHashSet<>();
        int totalEdges = 0;
        for (ServiceNode n : whole.nodes()) {
            for (ServiceEdge e : n.edges()) {
                totalEdges++;
                if (e.targetId() == id && n.referenceId() != id) {
                    callers.add(n.referenceId());
                }
                if (n.referenceId() == id && e.targetId() != id) {
                    callees.add(e.targetId());
                }
            }
        }
        List<ServiceNode> kept = new ArrayList<>();
        int keptEdges = 0;
        for (ServiceNode n : whole.nodes()) {
            boolean isFocus = n.referenceId() == id;
            if (!isFocus && !callers.contains(n.referenceId()) && !callees.contains(n.referenceId())) {
                continue;
            }
            List<ServiceEdge> edges = new ArrayList<>();
            for (ServiceEdge e : n.edges()) {
                if (isFocus || e.targetId() == id) {
                    edges.add(e);
                }
            }
            keptEdges += edges.size();
            kept.add(new ServiceNode(n.referenceId(), n.name(), n.names(), n.type(), n.state(), n.root(), n.start(),
                    n.end(), n.stats(), n.responseTimes(), edges));
        }
        return Optional.of(new FocusedGraph(new ServiceGraph(whole.window(), kept), focus.name(), callers.size(),
                callees.size(), whole.nodes().size() - kept.size(), totalEdges - keptEdges));
    }

    /**
     * A node by exact name first (a service before a client node of the same name: X-Ray names the client
     * of a mesh entry after the node it calls), then by any of its names, case ignored.
     */
    public static Optional<ServiceNode> find(ServiceGraph graph, String name) {
        for (boolean clients : new boolean[] {false, true}) {
            for (ServiceNode n : graph.nodes()) {
                if (n.isClient() == clients && n.name().equals(name)) {
                    return Optional.of(n);
                }
            }
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ServiceNode n : graph.nodes()) {
            for (String alias : n.names()) {
                if (alias.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    /** Up to {@code max} node names containing {@code text} (case ignored), for a "did you mean" line. */
    public static List<String> suggestions(ServiceGraph graph, String text, int max) {
        String wanted = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (ServiceNode n : graph.nodes()) {
            if (out.size() < max && n.name().toLowerCase(Locale.ROOT).contains(wanted)) {
                out.add(n.name());
            }
        }
        return out;
    }

    /** One line for under the map: what is shown and what is hidden. */
    public String caption() {
        return "Focus on " + focus + ": " + plural(callers, "caller") + " and " + plural(callees, "callee")
                + " shown; " + plural(hiddenNodes, "other node") + " and " + plural(hiddenEdges, "edge")
                + " hidden.";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
