package dev.meshwalk.graph.bench;

import dev.meshwalk.graph.ServiceEdge;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.layout.LayeredLayout;
import dev.meshwalk.graph.layout.LayoutGraph;
import dev.meshwalk.graph.layout.Routing;
import dev.meshwalk.graph.render.Canvas;
import dev.meshwalk.graph.render.MapOptions;
import dev.meshwalk.graph.render.RenderedMap;
import dev.meshwalk.graph.render.ServiceMapRenderer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints size, crossings and bends of our maps of the generated graphs, and writes each graph in
 * Graph::Easy's format plus our drawing next to it, so both tools are measured on the same input.
 * Usage: {@code MapQualityReport <output dir> [sizes...]} (see docs/benchmarks/service-map.md).
 */
public final class MapQualityReport {

    private MapQualityReport() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/graph-bench");
        Files.createDirectories(dir);
        int[] sizes = {10, 100, 1000};
        if (args.length > 1) {
            sizes = new int[args.length - 1];
            for (int i = 1; i < args.length; i++) {
                sizes[i - 1] = Integer.parseInt(args[i]);
            }
        }
        System.out.println("full map (boxes with stats, proxy+app pairs, labels, 120 columns):");
        System.out.println("nodes edges | width height crossings bends glyph-crossings | first-render-ms best-cpu-ms");
        for (int n : sizes) {
            ServiceGraph graph = ServiceGraphGenerator.generate(n, 42);
            int edges = graph.nodes().stream().mapToInt(s -> s.edges().size()).sum();
            Files.writeString(dir.resolve("generated-" + n + ".txt"), ServiceGraphGenerator.toGraphEasy(graph),
                    StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            RenderedMap map = new ServiceMapRenderer().render(graph, MapOptions.defaults().withWidth(120));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long bestCpu = Long.MAX_VALUE;
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int run = 0; run < 5; run++) {
                long c0 = mx.getCurrentThreadCpuTime();
                new ServiceMapRenderer().render(graph, MapOptions.defaults().withWidth(120));
                bestCpu = Math.min(bestCpu, (mx.getCurrentThreadCpuTime() - c0) / 1_000_000);
            }
            Canvas c = map.canvas();
            Files.writeString(dir.resolve("meshwalk-" + n + ".txt"), c.toPlainString(), StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "%5d %5d | %5d %6d %9d %5d %15d | %15d %11d%n", n, edges,
                    map.quality().width(), map.quality().height(), map.quality().crossings(), map.quality().bends(),
                    count(c.toPlainString(), '┼'), ms, bestCpu);
        }
        System.out.println("bare layout (Graph::Easy's box sizes: 3 rows, name + 4 columns; no labels, no pairs):");
        System.out.println("nodes edges | width height crossings bends | layout-ms");
        for (int n : sizes) {
            ServiceGraph graph = ServiceGraphGenerator.generate(n, 42);
            LayoutGraph lg = new LayoutGraph();
            java.util.Map<Integer, Integer> boxOf = new java.util.HashMap<>();
            List<Integer> widths = new ArrayList<>();
            for (ServiceNode node : graph.nodes()) {
                boxOf.put(node.referenceId(), lg.addBox(new LayoutGraph.Box(3, List.of(new LayoutGraph.Section(1, 1)))));
                widths.add(node.name().length() + 4);
            }
            for (ServiceNode node : graph.nodes()) {
                for (ServiceEdge e : node.edges()) {
                    lg.addLink(boxOf.get(node.referenceId()), 0, boxOf.get(e.targetId()), 0);
                }
            }
            long t0 = System.nanoTime();
            Routing r = LayeredLayout.arrange(lg).route(widths.stream().mapToInt(Integer::intValue).toArray(),
                    new int[lg.links().size()]);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf(Locale.ROOT, "%5d %5d | %5d %6d %9d %5d | %d%n", n, lg.links().size(), r.width(),
                    r.height(), r.crossings(), r.bends(), ms);
        }
    }

    static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
