package dev.meshwalk.graph.render;

import dev.meshwalk.graph.ServiceEdge;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups the nodes of a service graph into the boxes of the map: a client, a lone service, or an App Mesh
 * proxy drawn together with the app it fronts.
 *
 * <p>Why pairs: in a mesh every task runs an app and its Envoy, and X-Ray shows both as nodes joined by
 * edges (proxy to app for ingress, app to proxy for egress). Drawn apart they double the map and add a
 * loop; drawn as one box with two halves they read as what they are, one task. The pairing comes from the
 * edges only: a proxy pairs with an app it calls when the app calls it back or when the proxy is the
 * app's only caller; with several candidates, the busiest edge wins.
 */
final class MapUnits {

    /** One box: one node, or a proxy (first) and its app (second). */
    record Unit(List<ServiceNode> members) {
        boolean isPair() {
            return members.size() == 2;
        }

        boolean isClient() {
            return members.size() == 1 && members.get(0).isClient();
        }
    }

    /** An edge between two boxes, with the member indexes it leaves from and arrives at. */
    record UnitLink(int fromUnit, int fromMember, int toUnit, int toMember, ServiceNode caller, ServiceEdge edge) {
    }

    final List<Unit> units = new ArrayList<>();
    final List<UnitLink> links = new ArrayList<>();
    /** For pairs: the proxy-to-app edge, shown in the box's middle line. */
    final Map<Integer, ServiceEdge> pairEdge = new HashMap<>();

    MapUnits(ServiceGraph graph) {
        Map<Integer, ServiceNode> byId = graph.nodesById();
        Map<Integer, int[]> placeOf = new HashMap<>(); // node id -> {unit, member}
        Map<Integer, Set<Integer>> callers = new HashMap<>();
        for (ServiceNode n : graph.nodes()) {
            for (ServiceEdge e : n.edges()) {
                if (e.targetId() != n.referenceId()) {
                    callers.computeIfAbsent(e.targetId(), k -> new HashSet<>()).add(n.referenceId());
                }
            }
        }
        Map<Integer, Integer> appOfProxy = new HashMap<>();
        Set<Integer> pairedApps = new HashSet<>();
        List<ServiceNode> proxies = new ArrayList<>();
        for (ServiceNode n : graph.nodes()) {
            if (n.isProxy()) {
                proxies.add(n);
            }
        }
        proxies.sort(Comparator.comparing(ServiceNode::name));
        for (ServiceNode proxy : proxies) {
            ServiceEdge best = null;
            for (ServiceEdge e : proxy.edges()) {
                ServiceNode app = byId.get(e.targetId());
                if (app == null || app.isProxy() || app.isClient() || pairedApps.contains(app.referenceId())) {
                    continue;
                }
                boolean callsBack = app.edges().stream().anyMatch(back -> back.targetId() == proxy.referenceId());
                boolean onlyCaller = callers.getOrDefault(app.referenceId(), Set.of()).equals(Set.of(proxy.referenceId()));
                if ((callsBack || onlyCaller) && (best == null || e.stats().total() > best.stats().total())) {
                    best = e;
                }
            }
            if (best != null) {
                appOfProxy.put(proxy.referenceId(), best.targetId());
                pairedApps.add(best.targetId());
            }
        }

        // A stable start for the ordering step: clients first, those of pure entry points (services that
        // only clients call) before those of services that are also called from inside; then by name.
        Map<Integer, Integer> innerCallers = new HashMap<>();
        for (ServiceNode n : graph.nodes()) {
            int inner = 0;
            for (int caller : callers.getOrDefault(n.referenceId(), Set.of())) {
                inner += byId.get(caller).isClient() ? 0 : 1;
            }
            innerCallers.put(n.referenceId(), inner);
        }
        List<ServiceNode> order = new ArrayList<>(graph.nodes());
        order.sort(Comparator.comparing((ServiceNode n) -> !n.isClient())
                .thenComparingInt(n -> n.isClient() ? n.edges().stream()
                        .mapToInt(e -> innerCallers.getOrDefault(e.targetId(), 0)).max().orElse(0) : 0)
                .thenComparing(ServiceNode::name)
                .thenComparingInt(ServiceNode::referenceId));
        for (ServiceNode n : order) {
            if (pairedApps.contains(n.referenceId())) {
                continue;
            }
            Integer app = appOfProxy.get(n.referenceId());
            int index = units.size();
            if (app != null) {
                units.add(new Unit(List.of(n, byId.get(app))));
                placeOf.put(n.referenceId(), new int[] {index, 0});
                placeOf.put(app, new int[] {index, 1});
            } else {
                units.add(new Unit(List.of(n)));
                placeOf.put(n.referenceId(), new int[] {index, 0});
            }
        }
        for (ServiceNode n : order) {
            int[] from = placeOf.get(n.referenceId());
            for (ServiceEdge e : n.edges()) {
                int[] to = placeOf.get(e.targetId());
                if (from[0] == to[0]) {
                    if (from[1] == 0 && to[1] == 1) {
                        pairEdge.put(from[0], e);
                    }
                    continue;
                }
                links.add(new UnitLink(from[0], from[1], to[0], to[1], n, e));
            }
        }
    }
}
