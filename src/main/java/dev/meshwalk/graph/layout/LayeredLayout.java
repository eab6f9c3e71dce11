package dev.meshwalk.graph.layout;

/**
 * A Sugiyama-style layered layout for the character grid: callers left, callees right.
 *
 * <ol>
 *   <li>{@link CycleBreaking}: inside strongly connected components, the links that do not lead away from
 *       the boxes nobody calls (the clients) are laid out reversed; they are drawn with the arrow at their
 *       start.</li>
 *   <li>{@link Layering}: layers by longest path from those sources; here, links that skip layers get
 *       one-row dummy vertices, so every segment joins neighbouring layers.</li>
 *   <li>{@link Ordering}: order within layers by barycenter and median sweeps with transposition, from
 *       several starts; the order kept is the one whose routed drawing has the fewest crossing glyphs
 *       ({@link #chooseOrder}).</li>
 *   <li>{@link RowPlacement}: rows per layer pulled towards the neighbours' ports, order and spacing
 *       kept.</li>
 * </ol>
 * Columns and link routes come after, in {@link Arrangement#route} ({@link LinkRouter}), once box widths
 * are known.
 */
public final class LayeredLayout {

    private LayeredLayout() {
    }

    /** Lays out a graph: layers, order and rows. */
    public static Arrangement arrange(LayoutGraph graph) {
        int n = graph.boxCount();
        boolean[] reversed = CycleBreaking.reversedLinks(graph);
        int[] layerOfBox = Layering.longestPath(graph, reversed);

        Arrangement.Builder b = new Arrangement.Builder(graph, reversed);
        for (int v = 0; v < n; v++) {
            b.addVertex(layerOfBox[v], graph.box(v).height(), false);
        }
        // Links that skip layers towards the same box section share their dummies from the first layer
        // where they meet (edge concentration): fan-in to a shared back end becomes one line, not many
        // parallel ones crossing everything in between. Links from the leftmost callers go first, so the
        // longest chain exists when the others join it.
        Integer[] byStartLayer = new Integer[graph.linkCount()];
        for (int li = 0; li < byStartLayer.length; li++) {
            byStartLayer[li] = li;
        }
        java.util.Arrays.sort(byStartLayer, java.util.Comparator.comparingInt(
                li -> layerOfBox[reversed[li] ? graph.link(li).to() : graph.link(li).from()]));
        java.util.Map<String, Integer> sharedDummy = new java.util.HashMap<>();
        for (int li : byStartLayer) {
            LayoutGraph.Link link = graph.link(li);
            if (link.from() == link.to()) {
                continue;
            }
            int a = reversed[li] ? link.to() : link.from();
            int aSec = reversed[li] ? link.toSection() : link.fromSection();
            int z = reversed[li] ? link.from() : link.to();
            int zSec = reversed[li] ? link.fromSection() : link.toSection();
            int prev = a;
            int prevSec = aSec;
            for (int layer = layerOfBox[a] + 1; layer < layerOfBox[z]; layer++) {
                int dummyLayer = layer;
                int dummy = sharedDummy.computeIfAbsent(z + "/" + zSec + "/" + reversed[li] + "/" + layer,
                        k -> b.addVertex(dummyLayer, 1, true));
                b.addSegment(prev, prevSec, dummy, 0, li);
                prev = dummy;
                prevSec = 0;
            }
            b.addSegment(prev, prevSec, z, zSec, li);
        }
        Arrangement arrangement = b.build();
        chooseOrder(arrangement);
        return arrangement;
    }

    /** Most ordering starts tried: the built order and shuffles of it. */
    private static final int MAX_STARTS = 6;
    /**
     * Vertices times starts: each start costs sweeps, a placement and a routing, so big graphs get fewer
     * (a 60-node answer, about 170 vertices, gets all six; a 200-node one, about 500, two).
     */
    private static final int START_BUDGET = 1200;

    /**
     * Orders the layers from several starts and keeps the one whose drawing crosses least: each candidate
     * is placed and routed (with stand-in widths; crossings do not depend on widths) and its crossing
     * glyphs counted ({@link DrawnCrossings}), since pairs of crossing segments, which the sweeps count,
     * overstate what fan-outs and buses cost on screen.
     */
    private static void chooseOrder(Arrangement arrangement) {
        Ordering ordering = new Ordering(arrangement);
        int[] widths = new int[arrangement.graph.boxCount()];
        java.util.Arrays.fill(widths, 12);
        int[] labels = new int[arrangement.graph.linkCount()];
        long best = Long.MAX_VALUE;
        int[][] bestOrder = null;
        long bestPairs = 0;
        int[][] built = Ordering.copy(arrangement.layers);
        int starts = Math.max(1, Math.min(MAX_STARTS, START_BUDGET / Math.max(1, arrangement.vertexCount)));
        for (int start = 0; start < starts; start++) {
            ordering.restore(built);
            ordering.minimizeCrossings(start);
            RowPlacement.place(arrangement);
            Routing r = arrangement.route(widths, labels);
            long drawn = DrawnCrossings.count(r.routes(), r.width(), r.height());
            if (drawn < best) {
                best = drawn;
                bestOrder = Ordering.copy(arrangement.layers);
                bestPairs = arrangement.orderingCrossings;
            }
            if (best == 0) {
                break;
            }
        }
        ordering.restore(bestOrder);
        arrangement.orderingCrossings = bestPairs;
        RowPlacement.place(arrangement);
    }
}
