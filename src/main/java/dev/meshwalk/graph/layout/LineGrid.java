package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The character grid of a routing as {@link CrossingRepair} sees it: the cells no line may enter (boxes,
 * the columns beside them, labels) and how many lines leave each cell in each direction. Counts rather than
 * bits, so a route can be taken out and put back while the lines it shares with others stay. A second set
 * of counts holds, while one route is being moved, the lines it may share cells with; every other line is
 * foreign to it.
 *
 * <p>Grid rows are layout rows moved down by {@link #top}, so a line may use a few rows above the boxes.
 */
final class LineGrid {

    static final int UP = 1;
    static final int RIGHT = 2;
    static final int DOWN = 4;
    static final int LEFT = 8;
    static final int ALL = UP | RIGHT | DOWN | LEFT;
    /** By direction index 0..3: up, right, down, left. */
    static final int[] DX = {0, 1, 0, -1};
    static final int[] DY = {-1, 0, 1, 0};
    static final int[] BIT = {UP, RIGHT, DOWN, LEFT};

    final int width;
    final int height;
    final int top;
    private final boolean[] closed;
    /** Per cell and direction: lines leaving that way. */
    private final int[] lines;
    /** The directions of {@link #lines} above zero, per cell, kept up to date for the search's inner loop. */
    private final byte[] lineMask;
    /** Per cell and direction: the shared lines among {@link #lines}, for the route being moved. */
    private final int[] shared;
    private final boolean[] sharedCell;
    private final List<Integer> sharedIndexes = new ArrayList<>();

    /**
     * @param labelLength per link, the length of its label text (0 for none), as given to the router
     * @param spareRows   rows above and below the routing that lines may use
     */
    LineGrid(Routing routing, int[] boxWidth, int[] boxHeight, int[] labelLength, int spareRows) {
        top = spareRows;
        width = routing.width() + 1;
        height = routing.height() + 2 * spareRows + 1;
        closed = new boolean[width * height];
        for (int b = 0; b < boxWidth.length; b++) {
            int by = routing.boxY(b) + top;
            int left = Math.max(0, routing.boxX(b) - 1);
            int right = Math.min(width - 1, routing.boxX(b) + boxWidth[b]);
            for (int y = by; y < Math.min(height, by + boxHeight[b]); y++) {
                for (int x = left; x <= right; x++) {
                    closed[cell(x, y)] = true;
                }
            }
        }
        for (LinkRoute r : routing.routes()) {
            if (drawsLabel(r, labelLength)) {
                int y = r.label().y() + top;
                for (int x = r.label().x() - 1; x <= r.label().x() + labelLength[r.link()]; x++) {
                    if (x >= 0 && x < width) {
                        closed[cell(x, y)] = true;
                    }
                }
            }
        }
        lines = new int[width * height * 4];
        lineMask = new byte[width * height];
        shared = new int[width * height * 4];
        sharedCell = new boolean[width * height];
    }

    /** Whether the painter writes this route's label: it has one and it fits the room it was given. */
    static boolean drawsLabel(LinkRoute r, int[] labelLength) {
        return r.label() != null && labelLength[r.link()] > 0 && labelLength[r.link()] <= r.labelWidth();
    }

    int cell(int x, int y) {
        return y * width + x;
    }

    /** Whether a moved line may enter the cell: not a box, the column beside one, or a label. */
    boolean open(int cell) {
        return !closed[cell];
    }

    void add(LinkRoute route) {
        walk(route.points(), lines, 1, 0);
    }

    void remove(LinkRoute route) {
        walk(route.points(), lines, -1, 0);
    }

    /** Marks the lines of {@code friends} from column {@code fromX} on as shareable by the route being moved. */
    void share(List<LinkRoute> friends, int fromX) {
        for (LinkRoute f : friends) {
            walk(f.points(), shared, 1, fromX);
        }
    }

    void clearShared() {
        for (int i : sharedIndexes) {
            shared[i] = 0;
            sharedCell[i >> 2] = false;
        }
        sharedIndexes.clear();
    }

    /** Directions in which any line leaves the cell. */
    int mask(int cell) {
        return lineMask[cell];
    }

    /** Directions in which a line that is not shared leaves the cell. */
    int foreign(int cell) {
        if (!sharedCell[cell]) {
            return lineMask[cell];
        }
        int m = 0;
        for (int d = 0; d < 4; d++) {
            if (lines[cell * 4 + d] - shared[cell * 4 + d] > 0) {
                m |= BIT[d];
            }
        }
        return m;
    }

    /**
     * What a moved line with arms {@code ours} costs in a cell whose lines go {@code lines}, of which
     * {@code foreign} are not shared: 1 if it makes a new {@code ┼}, 0 if not, -1 if it may not go there
     * because it would run along, turn on or end on a foreign line (only straight across is allowed).
     */
    static int crossingsAt(int foreign, int lines, int ours) {
        boolean across = foreign == (UP | DOWN) && ours == (LEFT | RIGHT)
                || foreign == (LEFT | RIGHT) && ours == (UP | DOWN);
        if (foreign != 0 && !across) {
            return -1;
        }
        return lines != ALL && (lines | ours) == ALL ? 1 : 0;
    }

    /** The {@code ┼} a polyline in layout rows adds to the lines in the grid. */
    int crossingsOf(List<LinkRoute.Cell> pts) {
        Map<Integer, Integer> arms = new HashMap<>();
        forEachStep(pts, 0, (from, to, d) -> {
            arms.merge(from, BIT[d], (a, b) -> a | b);
            arms.merge(to, BIT[(d + 2) & 3], (a, b) -> a | b);
        });
        int count = 0;
        for (Map.Entry<Integer, Integer> e : arms.entrySet()) {
            int before = mask(e.getKey());
            if (before != ALL && (before | e.getValue()) == ALL) {
                count++;
            }
        }
        return count;
    }

    /** Adds {@code delta} to the counts of every arm of a polyline (layout rows) from column {@code fromX} on. */
    private void walk(List<LinkRoute.Cell> pts, int[] counts, int delta, int fromX) {
        forEachStep(pts, fromX, (from, to, d) -> {
            bump(counts, from * 4 + d, delta);
            bump(counts, to * 4 + ((d + 2) & 3), delta);
        });
    }

    private interface Step {
        void take(int from, int to, int direction);
    }

    /** Calls {@code step} for each step between neighbouring cells of a polyline, both cells at or right of fromX. */
    private void forEachStep(List<LinkRoute.Cell> pts, int fromX, Step step) {
        for (int i = 0; i + 1 < pts.size(); i++) {
            LinkRoute.Cell p = pts.get(i);
            LinkRoute.Cell q = pts.get(i + 1);
            int d = direction(q.x() - p.x(), q.y() - p.y());
            int x = p.x();
            int y = p.y() + top;
            int length = Math.abs(q.x() - p.x()) + Math.abs(q.y() - p.y());
            for (int k = 0; k < length; k++) {
                int nx = x + DX[d];
                int ny = y + DY[d];
                if (x >= fromX && nx >= fromX) {
                    step.take(cell(x, y), cell(nx, ny), d);
                }
                x = nx;
                y = ny;
            }
        }
    }

    private void bump(int[] counts, int index, int delta) {
        if (counts == shared) {
            if (counts[index] == 0) {
                sharedIndexes.add(index);
                sharedCell[index >> 2] = true;
            }
            counts[index] += delta;
            return;
        }
        counts[index] += delta;
        int bit = BIT[index & 3];
        int cell = index >> 2;
        lineMask[cell] = (byte) (counts[index] > 0 ? lineMask[cell] | bit : lineMask[cell] & ~bit);
    }

    private static int direction(int dx, int dy) {
        if (dx > 0) {
            return 1;
        }
        if (dx < 0) {
            return 3;
        }
        return dy > 0 ? 2 : 0;
    }
}
