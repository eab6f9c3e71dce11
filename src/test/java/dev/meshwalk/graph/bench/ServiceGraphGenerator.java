package dev.meshwalk.graph.bench;

import dev.meshwalk.graph.ServiceEdge;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.Stats;
import dev.meshwalk.graph.TimeWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Service graphs shaped like real ones, for layout tests and benchmarks: a few clients calling entry
 * services, tiers of services each calling one to three services further down (sometimes skipping a
 * tier), a few calls back up (cycles), and every seventh service meshed (a proxy with its app, linked
 * both ways). Same size and seed, same graph.
 */
public final class ServiceGraphGenerator {

    private ServiceGraphGenerator() {
    }

    public static ServiceGraph generate(int nodeCount, long seed) {
        if (nodeCount < 2) {
            throw new IllegalArgumentException("at least a client and a service");
        }
        Random rnd = new Random(seed);
        int clients = Math.max(1, nodeCount / 25);
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Integer> tierOf = new ArrayList<>();
        List<Set<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            names.add("client-" + i);
            types.add(ServiceNode.CLIENT);
            tierOf.add(-1);
            calls.add(new HashSet<>());
        }
        int services = nodeCount - clients;
        int tiers = Math.max(2, (int) Math.round(Math.sqrt(services) / 1.5));
        List<List<Integer>> byTier = new ArrayList<>();
        for (int t = 0; t < tiers; t++) {
            byTier.add(new ArrayList<>());
        }
        int id = clients;
        while (id < nodeCount) {
            int t = Math.min(tiers - 1, (id - clients) * tiers / services);
            boolean mesh = (id - clients) % 7 == 3 && id + 1 < nodeCount;
            if (mesh) {
                names.add("demo/svc-" + id + "-node");
                types.add(ServiceNode.APPMESH_PROXY);
                tierOf.add(t);
                calls.add(new HashSet<>());
                names.add("svc-" + id);
                types.add("AWS::ECS::Container");
                tierOf.add(t);
                calls.add(new HashSet<>());
                calls.get(id).add(id + 1);
                calls.get(id + 1).add(id);
                byTier.get(t).add(id);
                id += 2;
            } else {
                names.add("svc-" + id);
                types.add("AWS::ECS::Container");
                tierOf.add(t);
                calls.add(new HashSet<>());
                byTier.get(t).add(id);
                id++;
            }
        }
        for (int c = 0; c < clients; c++) {
            List<Integer> entry = byTier.get(0);
            calls.get(c).add(entry.get(rnd.nextInt(entry.size())));
        }
        for (int t = 0; t + 1 < tiers; t++) {
            for (int s : byTier.get(t)) {
                int k = 1 + rnd.nextInt(3);
                for (int j = 0; j < k; j++) {
                    int target = t + (rnd.nextDouble() < 0.15 && t + 2 < tiers ? 2 : 1);
                    List<Integer> pool = byTier.get(target);
                    if (!pool.isEmpty()) {
                        calls.get(s).add(pool.get(rnd.nextInt(pool.size())));
                    }
                }
                if (t > 0 && rnd.nextDouble() < 0.03) {
                    List<Integer> up = byTier.get(rnd.nextInt(t));
                    calls.get(s).add(up.get(rnd.nextInt(up.size())));
                }
            }
        }
        for (int t = 1; t < tiers; t++) {
            for (int s : byTier.get(t)) {
                boolean called = false;
                for (int u : byTier.get(t - 1)) {
                    called |= calls.get(u).contains(s);
                }
                if (!called && !byTier.get(t - 1).isEmpty()) {
                    List<Integer> pool = byTier.get(t - 1);
                    calls.get(pool.get(rnd.nextInt(pool.size()))).add(s);
                }
            }
        }
        List<ServiceNode> nodes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<ServiceEdge> edges = new ArrayList<>();
            for (int target : calls.get(i)) {
                edges.add(ServiceEdge.of(target, stats(rnd)));
            }
            edges.sort((a, b) -> Integer.compare(a.targetId(), b.targetId()));
            Stats own = ServiceNode.CLIENT.equals(types.get(i)) ? Stats.NONE : stats(rnd);
            nodes.add(ServiceNode.of(i, names.get(i), types.get(i), own, edges));
        }
        Instant start = Instant.ofEpochSecond(1732550400L);
        return new ServiceGraph(new TimeWindow(start, start.plusSeconds(300)), nodes);
    }

    private static Stats stats(Random rnd) {
        long ok = 10 + rnd.nextInt(500);
        long e4 = rnd.nextDouble() < 0.2 ? rnd.nextInt(10) : 0;
        long e429 = rnd.nextDouble() < 0.05 ? rnd.nextInt(5) : 0;
        long e5 = rnd.nextDouble() < 0.2 ? rnd.nextInt(10) : 0;
        long total = ok + e4 + e429 + e5;
        return new Stats(ok, e4, e429, e5, total, total * (0.001 + rnd.nextDouble() * 0.05));
    }

    /** The same graph in Graph::Easy's text format, one {@code [ a ] --> [ b ]} line per edge. */
    public static String toGraphEasy(ServiceGraph graph) {
        StringBuilder sb = new StringBuilder();
        java.util.Map<Integer, ServiceNode> byId = graph.nodesById();
        for (ServiceNode n : graph.nodes()) {
            sb.append("[ ").append(n.name()).append(" ]\n");
        }
        for (ServiceNode n : graph.nodes()) {
            for (ServiceEdge e : n.edges()) {
                sb.append("[ ").append(n.name()).append(" ] --> [ ")
                        .append(byId.get(e.targetId()).name()).append(" ]\n");
            }
        }
        return sb.toString();
    }
}
