package dev.meshwalk.graph.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Step two of {@link LayeredLayout}: the layer (column) of every box, by longest path from the boxes
 * nobody calls, so every caller sits left of its callees. Links that then skip layers get dummy vertices
 * in {@link LayeredLayout#arrange}.
 */
final class Layering {

    private Layering() {
    }

    /** Kahn's topological order over the acyclic links; layer = longest path from a source. */
    static int[] longestPath(LayoutGraph g, boolean[] reversed) {
        int n = g.boxCount();
        List<List<Integer>> succ = new ArrayList<>();
        int[] indegree = new int[n];
        for (int v = 0; v < n; v++) {
            succ.add(new ArrayList<>());
        }
        for (int li = 0; li < g.linkCount(); li++) {
            LayoutGraph.Link l = g.link(li);
            if (l.from() == l.to()) {
                continue;
            }
            int a = reversed[li] ? l.to() : l.from();
            int z = reversed[li] ? l.from() : l.to();
            succ.get(a).add(z);
            indegree[z]++;
        }
        int[] layer = new int[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            if (indegree[v] == 0) {
                ready.add(v);
            }
        }
        while (!ready.isEmpty()) {
            int v = ready.poll();
            for (int w : succ.get(v)) {
                layer[w] = Math.max(layer[w], layer[v] + 1);
                if (--indegree[w] == 0) {
                    ready.add(w);
                }
            }
        }
        return layer;
    }

}
