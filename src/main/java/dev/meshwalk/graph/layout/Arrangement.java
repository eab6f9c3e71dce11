package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link LayeredLayout#arrange}: layers, the order within them and the rows of every box
 * (dummies included). {@link #route} turns it into columns and orthogonal link paths for given box widths,
 * which is cheap, so a renderer can try several widths to fit the screen.
 */
public final class Arrangement {

    final LayoutGraph graph;
    final boolean[] reversed;
    int vertexCount;
    int[] layerOf;
    int[] height;
    boolean[] dummy;
    int[] y;
    int[] position;
    int[][] layers;
    final List<List<Integer>> inSegments = new ArrayList<>();
    final List<List<Integer>> outSegments = new ArrayList<>();
    int[] segFrom;
    int[] segTo;
    int[] segFromSection;
    int[] segToSection;
    int[] segLink;
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

    private LayoutGraph.Section section(int v, int section) {
        return dummy[v] ? new LayoutGraph.Section(0, 0) : graph.box(v).sections().get(section);
    }

    /**
     * Places the columns and routes every link.
     *
     * @param boxWidth   width of each box of the input graph, borders included
     * @param labelWidth room each link wants for its label (0 for none), placed before the callee
     */
    public Routing route(int[] boxWidth, int[] labelWidth) {
        if (boxWidth.length != graph.boxCount() || labelWidth.length != graph.linkCount()) {
            throw new IllegalArgumentException("one width per box and one label width per link, please");
        }
        int layerCount = layers.length;
        int[] colW = new int[layerCount];
        Arrays.fill(colW, 1);
        for (int v = 0; v < graph.boxCount(); v++) {
            colW[layerOf[v]] = Math.max(colW[layerOf[v]], boxWidth[v]);
        }
        int segCount = segFrom.length;
        int[] inRow = assignInRows();
        int[] channel = new int[segCount];
        int[] channelsInGap = new int[Math.max(0, layerCount - 1)];
        int[] labelRoom = new int[Math.max(0, layerCount - 1)];
        List<List<Integer>> segsByGap = new ArrayList<>();
        for (int l = 0; l + 1 < layerCount; l++) {
            segsByGap.add(new ArrayList<>());
        }
        for (int s = 0; s < segCount; s++) {
            segsByGap.get(layerOf[segFrom[s]]).add(s);
        }
        int[] netOf = new int[segCount];
        for (int l = 0; l + 1 < layerCount; l++) {
            channelsInGap[l] = assignChannels(segsByGap.get(l), inRow, channel, netOf);
            for (int s : segsByGap.get(l)) {
                if (!dummy[segTo[s]]) {
                    labelRoom[l] = Math.max(labelRoom[l], labelWidth[segLink[s]]);
                }
            }
        }
        int[] colX = new int[layerCount];
        for (int l = 0; l + 1 < layerCount; l++) {
            int gap = 1 + channelsInGap[l] + 1 + (labelRoom[l] > 0 ? labelRoom[l] + 2 : 0) + 1 + 1;
            colX[l + 1] = colX[l] + colW[l] + gap;
        }
        int width = layerCount == 0 ? 0 : colX[layerCount - 1] + colW[layerCount - 1];
        int heightUsed = 0;
        for (int v = 0; v < vertexCount; v++) {
            heightUsed = Math.max(heightUsed, y[v] + height[v]);
        }

        // Paths per segment, and crossings within each gap.
        List<List<int[]>> horizontalsByGap = new ArrayList<>();
        List<List<int[]>> verticalsByGap = new ArrayList<>();
        for (int l = 0; l + 1 < layerCount; l++) {
            horizontalsByGap.add(new ArrayList<>());
            verticalsByGap.add(new ArrayList<>());
        }
        List<LinkRoute> routes = new ArrayList<>();
        long bends = 0;
        for (int li = 0; li < graph.linkCount(); li++) {
            List<Integer> chain = chains.get(li);
            if (chain.isEmpty()) {
                continue;
            }
            List<LinkRoute.Cell> pts = new ArrayList<>();
            LinkRoute.Cell label = null;
            int labelCells = 0;
            for (int s : chain) {
                int l = layerOf[segFrom[s]];
                int ys = y[segFrom[s]] + sectionMiddle(segFrom[s], segFromSection[s]);
                int yt = inRow[s];
                int sx = dummy[segFrom[s]] ? colX[l] : colX[l] + boxWidth[segFrom[s]];
                int gapStart = colX[l] + colW[l];
                int ex = colX[l + 1] - 1;
                add(pts, sx, ys);
                if (ys != yt) {
                    int cx = gapStart + 1 + channel[s];
                    add(pts, cx, ys);
                    add(pts, cx, yt);
                    horizontalsByGap.get(l).add(new int[] {sx, cx, ys, netOf[s]});
                    verticalsByGap.get(l).add(new int[] {cx, Math.min(ys, yt), Math.max(ys, yt), netOf[s]});
                    horizontalsByGap.get(l).add(new int[] {cx, ex, yt, netOf[s]});
                } else {
                    horizontalsByGap.get(l).add(new int[] {sx, ex, ys, netOf[s]});
                }
                add(pts, ex, yt);
                if (!dummy[segTo[s]] && labelRoom[l] > 0 && labelWidth[li] > 0) {
                    label = new LinkRoute.Cell(gapStart + 1 + channelsInGap[l] + 2, yt);
                    labelCells = labelRoom[l];
                }
            }
            LinkRoute.Cell first = pts.get(0);
            LinkRoute.Cell last = pts.get(pts.size() - 1);
            int linkBends = Math.max(0, pts.size() - 2);
            bends += linkBends;
            routes.add(new LinkRoute(li, pts, reversed[li] ? first : last, reversed[li], label, labelCells, linkBends));
        }
        long crossings = 0;
        for (int l = 0; l + 1 < layerCount; l++) {
            crossings += countCrossings(horizontalsByGap.get(l), verticalsByGap.get(l), width);
        }
        int[] boxX = new int[graph.boxCount()];
        int[] boxY = new int[graph.boxCount()];
        for (int v = 0; v < graph.boxCount(); v++) {
            boxX[v] = colX[layerOf[v]];
            boxY[v] = y[v];
        }
        return new Routing(boxX, boxY, width, heightUsed, routes, crossings, bends);
    }

    /**
     * Counts where a vertical line passes strictly through a horizontal one, by a sweep over rows with a
     * Fenwick tree of the columns of the verticals alive on that row: O((H + V) log W). Lines of one net
     * meet only at their ends (the net's column is an end of each of its horizontals), so they never count.
     *
     * @param horizontals {x1, x2, y, net} with x1 &lt; x2
     * @param verticals   {x, y1, y2, net} with y1 &lt; y2
     */
    static long countCrossings(List<int[]> horizontals, List<int[]> verticals, int width) {
        if (horizontals.isEmpty() || verticals.isEmpty()) {
            return 0;
        }
        List<int[]> events = new ArrayList<>(); // {row, kind (0 add, 1 remove, 2 query), a, b}
        for (int[] v : verticals) {
            if (v[2] - v[1] >= 2) {
                events.add(new int[] {v[1] + 1, 0, v[0], 0});
                events.add(new int[] {v[2], 1, v[0], 0});
            }
        }
        for (int[] h : horizontals) {
            if (h[1] - h[0] >= 2) {
                events.add(new int[] {h[2], 2, Math.min(h[0], h[1]) + 1, Math.max(h[0], h[1]) - 1});
            }
        }
        events.sort((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(p[1], q[1]));
        long[] tree = new long[width + 2];
        long total = 0;
        for (int[] e : events) {
            if (e[1] == 2) {
                total += prefix(tree, e[3]) - prefix(tree, e[2] - 1);
            } else {
                int delta = e[1] == 0 ? 1 : -1;
                for (int i = e[2] + 1; i < tree.length; i += i & -i) {
                    tree[i] += delta;
                }
            }
        }
        return total;
    }

    private static long prefix(long[] tree, int x) {
        long sum = 0;
        for (int i = Math.min(x + 1, tree.length - 1); i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    /** Adds a corner, dropping the previous point when it lies on a straight line with the new one. */
    private static void add(List<LinkRoute.Cell> pts, int x, int y) {
        LinkRoute.Cell c = new LinkRoute.Cell(x, y);
        int n = pts.size();
        if (n > 0 && pts.get(n - 1).equals(c)) {
            return;
        }
        if (n >= 2) {
            LinkRoute.Cell a = pts.get(n - 2);
            LinkRoute.Cell b = pts.get(n - 1);
            boolean sameRow = a.y() == b.y() && b.y() == y;
            boolean sameCol = a.x() == b.x() && b.x() == x;
            if (sameRow || sameCol) {
                pts.set(n - 1, c);
                return;
            }
        }
        pts.add(c);
    }

    /**
     * Rows where links enter a box section: in the order of their callers' rows (so they do not cross at
     * the door), each as close to its caller's row as the section allows (so links run straight).
     * When a section has fewer rows than links, links share rows.
     */
    private int[] assignInRows() {
        int[] inRow = new int[segFrom.length];
        Map<Long, List<Integer>> bySection = new HashMap<>();
        for (int s = 0; s < segFrom.length; s++) {
            bySection.computeIfAbsent(((long) segTo[s] << 20) | segToSection[s], k -> new ArrayList<>()).add(s);
        }
        for (List<Integer> group : bySection.values()) {
            int v = segTo[group.get(0)];
            LayoutGraph.Section sec = section(v, segToSection[group.get(0)]);
            int lo = y[v] + sec.firstRow();
            int hi = y[v] + sec.lastRow();
            group.sort(Comparator.<Integer>comparingInt(s -> y[segFrom[s]] + sectionMiddle(segFrom[s], segFromSection[s]))
                    .thenComparingInt(s -> position[segFrom[s]]));
            int k = group.size();
            int rows = hi - lo + 1;
            if (k <= rows) {
                int prev = lo - 1;
                for (int i = 0; i < k; i++) {
                    int s = group.get(i);
                    int want = y[segFrom[s]] + sectionMiddle(segFrom[s], segFromSection[s]);
                    int row = Math.max(prev + 1, Math.min(want, hi - (k - 1 - i)));
                    row = Math.max(row, lo);
                    inRow[s] = row;
                    prev = row;
                }
            } else {
                for (int i = 0; i < k; i++) {
                    inRow[group.get(i)] = lo + (int) ((long) i * rows / k);
                }
            }
        }
        return inRow;
    }

    /**
     * Gives each bending net (the links leaving one box section, which share their first cells) a
     * column in the gap. Nets going down take columns left to right from the lowest source, nets going
     * up from the highest, which avoids crossings between nested nets; nets whose rows do not overlap
     * share a column. Returns the number of columns used.
     */
    private int assignChannels(List<Integer> segs, int[] inRow, int[] channel, int[] netOf) {
        Map<Long, List<Integer>> nets = new HashMap<>();
        List<Long> netKeys = new ArrayList<>();
        for (int s : segs) {
            long key = ((long) segFrom[s] << 20) | segFromSection[s];
            nets.computeIfAbsent(key, k -> {
                netKeys.add(k);
                return new ArrayList<>();
            }).add(s);
        }
        List<Net> list = new ArrayList<>();
        for (int i = 0; i < netKeys.size(); i++) {
            List<Integer> ns = nets.get(netKeys.get(i));
            int s0 = ns.get(0);
            int ys = y[segFrom[s0]] + sectionMiddle(segFrom[s0], segFromSection[s0]);
            int lo = ys;
            int hi = ys;
            double sum = 0;
            boolean bends = false;
            for (int s : ns) {
                lo = Math.min(lo, inRow[s]);
                hi = Math.max(hi, inRow[s]);
                sum += inRow[s];
                bends |= inRow[s] != ys;
                netOf[s] = i;
            }
            list.add(new Net(i, ns, ys, lo, hi, sum / ns.size() >= ys, bends));
        }
        // Nested nets cross least when down-going nets take columns from the lowest source and up-going
        // ones from the highest; which group goes first, and the inner direction, depend on the gap, so
        // try the four variants and keep the one with the fewest crossings (counted in gap coordinates).
        Comparator<Net> downFirst = Comparator.<Net, Boolean>comparing(n -> !n.down())
                .thenComparingInt(n -> n.down() ? -n.source() : n.source());
        Comparator<Net> upFirst = Comparator.<Net, Boolean>comparing(Net::down)
                .thenComparingInt(n -> n.down() ? -n.source() : n.source());
        List<Comparator<Net>> variants = List.of(downFirst, upFirst, downFirst.reversed(), upFirst.reversed());
        int[] bestChannel = null;
        int bestColumns = 0;
        long bestCrossings = Long.MAX_VALUE;
        for (Comparator<Net> order : variants) {
            List<Net> sorted = new ArrayList<>(list);
            sorted.sort(order);
            int[] netChannel = new int[list.size()];
            List<List<int[]>> columns = new ArrayList<>();
            for (Net net : sorted) {
                if (!net.bends()) {
                    netChannel[net.id()] = -1;
                    continue;
                }
                int chosen = -1;
                for (int c = 0; c < columns.size() && chosen < 0; c++) {
                    boolean free = true;
                    for (int[] iv : columns.get(c)) {
                        if (net.lo() <= iv[1] && iv[0] <= net.hi()) {
                            free = false;
                            break;
                        }
                    }
                    if (free) {
                        chosen = c;
                    }
                }
                if (chosen < 0) {
                    columns.add(new ArrayList<>());
                    chosen = columns.size() - 1;
                }
                columns.get(chosen).add(new int[] {net.lo(), net.hi()});
                netChannel[net.id()] = chosen;
            }
            long crossings = localCrossings(list, netChannel, columns.size(), inRow);
            if (crossings < bestCrossings) {
                bestCrossings = crossings;
                bestChannel = netChannel;
                bestColumns = columns.size();
            }
            if (crossings == 0) {
                break;
            }
        }
        for (Net net : list) {
            for (int s : net.segs()) {
                channel[s] = bestChannel == null ? -1 : bestChannel[net.id()];
            }
        }
        return bestColumns;
    }

    /** The links leaving one box section in one gap: they share their first cells and their column. */
    private record Net(int id, List<Integer> segs, int source, int lo, int hi, boolean down, boolean bends) {
    }

    private long localCrossings(List<Net> nets, int[] netChannel, int columns, int[] inRow) {
        List<int[]> horizontals = new ArrayList<>();
        List<int[]> verticals = new ArrayList<>();
        int end = columns + 2;
        for (Net net : nets) {
            int ch = netChannel[net.id()];
            for (int s : net.segs()) {
                int yt = inRow[s];
                if (ch < 0 || yt == net.source()) {
                    horizontals.add(new int[] {0, end, net.source(), net.id()});
                } else {
                    horizontals.add(new int[] {0, 1 + ch, net.source(), net.id()});
                    verticals.add(new int[] {1 + ch, Math.min(net.source(), yt), Math.max(net.source(), yt), net.id()});
                    horizontals.add(new int[] {1 + ch, end, yt, net.id()});
                }
            }
        }
        return countCrossings(horizontals, verticals, end + 1);
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
