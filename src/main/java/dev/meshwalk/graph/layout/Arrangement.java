package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link LayeredLayout#arrange}: layers, the order within them and the rows of every box
 * (dummies included). {@link #route} turns it into columns and orthogonal link paths for given box widths,
 * which is cheap, so a renderer can try several widths to fit the screen.
 *
 * <p>The layered graph it holds: vertices are the boxes of the input graph (same indexes) followed by
 * one-row dummies where a link skips a layer; a segment joins two vertices in neighbouring layers, and a
 * link's chain is its segments from left to right. The layout steps fill it in order: {@link Ordering}
 * sets {@code layers} and {@code position}, {@link RowPlacement} sets {@code y}.
 */
public final class Arrangement {

    final LayoutGraph graph;
    /** Per link: laid out right to left to break a cycle. */
    final boolean[] reversed;
    int vertexCount;
    /** Per vertex: its layer, height in rows, whether it is a dummy, top row and index within its layer. */
    int[] layerOf;
    int[] height;
    boolean[] dummy;
    int[] y;
    int[] position;
    /** Per layer: its vertices, top to bottom. */
    int[][] layers;
    /** Per vertex: the segments arriving from the left and leaving to the right. */
    final List<List<Integer>> inSegments = new ArrayList<>();
    final List<List<Integer>> outSegments = new ArrayList<>();
    /** Per segment: its vertices, their port sections and the link it belongs to. */
    int[] segFrom;
    int[] segTo;
    int[] segFromSection;
    int[] segToSection;
    int[] segLink;
    /** Per link: its segments, left to right (empty for a self link). */
    final List<List<Integer>> chains = new ArrayList<>();
    long orderingCrossings;

    private Arrangement(LayoutGraph graph, boolean[] reversed) {
        this.graph = graph;
        this.reversed = reversed;
    }

    /** Number of layers (columns of boxes). */
    public int layerCount() {
        return layers.length;
    }

    /** The layer (column) of a box of the input graph. */
    public int layerOf(int box) {
        return layerOf[box];
    }

    /** Whether a link was laid out against its direction to break a cycle. */
    public boolean isReversed(int link) {
        return reversed[link];
    }

    /** Crossings between layers as the ordering step counted them (before routing). */
    public long orderingCrossings() {
        return orderingCrossings;
    }

    int sectionMiddle(int v, int section) {
        return dummy[v] ? 0 : graph.box(v).sections().get(section).middle();
    }

    LayoutGraph.Section section(int v, int section) {
        return dummy[v] ? new LayoutGraph.Section(0, 0) : graph.box(v).sections().get(section);
    }

    /** The row a segment leaves its source at: the middle of its source section. */
    int sourceRow(int segment) {
        return y[segFrom[segment]] + sectionMiddle(segFrom[segment], segFromSection[segment]);
    }

    /**
     * Places the columns and routes every link ({@link LinkRouter}).
     *
     * @param boxWidth   width of each box of the input graph, borders included
     * @param labelWidth room each link wants for its label (0 for none), placed before the callee
     */
    public Routing route(int[] boxWidth, int[] labelWidth) {
        if (boxWidth.length != graph.boxCount() || labelWidth.length != graph.linkCount()) {
            throw new IllegalArgumentException("one width per box and one label width per link, please");
        }
        return new LinkRouter(this, boxWidth, labelWidth).route();
    }

    /**
     * Routes like {@link #route}, then reroutes the links that cross others where a free path crosses
     * fewer ({@link CrossingRepair}); slower, so for the drawing, not for trying widths. Columns and the
     * width stay the same; lines may use a few rows above and below the boxes.
     */
    public Routing routeForDrawing(int[] boxWidth, int[] labelWidth) {
        Routing routing = route(boxWidth, labelWidth);
        int[] boxHeight = new int[graph.boxCount()];
        for (int b = 0; b < boxHeight.length; b++) {
            boxHeight[b] = graph.box(b).height();
        }
        return CrossingRepair.repair(routing, boxWidth, boxHeight, labelWidth);
    }

    /** Collects vertices and segments while {@link LayeredLayout} builds the layered graph. */
    static final class Builder {
        private final Arrangement a;
        private final List<Integer> layerList = new ArrayList<>();
        private final List<Integer> heights = new ArrayList<>();
        private final List<Boolean> dummies = new ArrayList<>();
        private final List<int[]> segments = new ArrayList<>();

        Builder(LayoutGraph graph, boolean[] reversed) {
            a = new Arrangement(graph, reversed);
            for (int i = 0; i < graph.linkCount(); i++) {
                a.chains.add(new ArrayList<>());
            }
        }

        int addVertex(int layer, int h, boolean isDummy) {
            layerList.add(layer);
            heights.add(h);
            dummies.add(isDummy);
            a.inSegments.add(new ArrayList<>());
            a.outSegments.add(new ArrayList<>());
            return layerList.size() - 1;
        }

        void addSegment(int from, int fromSection, int to, int toSection, int link) {
            int id = segments.size();
            segments.add(new int[] {from, fromSection, to, toSection, link});
            a.outSegments.get(from).add(id);
            a.inSegments.get(to).add(id);
            a.chains.get(link).add(id);
        }

        Arrangement build() {
            int n = layerList.size();
            a.vertexCount = n;
            a.layerOf = new int[n];
            a.height = new int[n];
            a.dummy = new boolean[n];
            a.y = new int[n];
            a.position = new int[n];
            int layerCount = 0;
            for (int v = 0; v < n; v++) {
                a.layerOf[v] = layerList.get(v);
                a.height[v] = heights.get(v);
                a.dummy[v] = dummies.get(v);
                layerCount = Math.max(layerCount, a.layerOf[v] + 1);
            }
            int[] sizes = new int[layerCount];
            for (int v = 0; v < n; v++) {
                sizes[a.layerOf[v]]++;
            }
            a.layers = new int[layerCount][];
            for (int l = 0; l < layerCount; l++) {
                a.layers[l] = new int[sizes[l]];
            }
            int[] fill = new int[layerCount];
            for (int v = 0; v < n; v++) {
                int l = a.layerOf[v];
                a.position[v] = fill[l];
                a.layers[l][fill[l]++] = v;
            }
            int m = segments.size();
            a.segFrom = new int[m];
            a.segTo = new int[m];
            a.segFromSection = new int[m];
            a.segToSection = new int[m];
            a.segLink = new int[m];
            for (int s = 0; s < m; s++) {
                int[] seg = segments.get(s);
                a.segFrom[s] = seg[0];
                a.segFromSection[s] = seg[1];
                a.segTo[s] = seg[2];
                a.segToSection[s] = seg[3];
                a.segLink[s] = seg[4];
            }
            return a;
        }
    }
}
