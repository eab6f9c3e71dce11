package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cheapest orthogonal path between two cells of a {@link LineGrid}, by A* over (cell, direction of
 * travel) so that corners and crossings can be priced: a step costs 1, a corner {@link #BEND}, a new
 * {@code ┼} {@link #CROSSING}. The price of a crossing is the detour a line may take to avoid one: forty
 * cells keeps lines near their old place rather than sending them round the map for one crossing.
 *
 * <p>Step costs are small integers and the estimate (the Manhattan distance) changes by one per step, so
 * the open set is a ring of buckets (Dial's queue) rather than a heap; that halved the time of the
 * 200-node benchmark map. Searches are bounded: each by a window and {@link #MAX_EXPANSIONS}, all of them
 * together by the caller through {@link #work()}.
 */
final class GridPathFinder {

    static final int BEND = 3;
    static final int CROSSING = 40;
    /** States one search may expand; a path that needs more keeps its old route. */
    static final int MAX_EXPANSIONS = 100_000;
    /** A power of two above the largest rise of a priority in one step (step, bend, crossing, estimate). */
    private static final int BUCKETS = 64;

    private final LineGrid grid;
    private final int[] dist;
    private final int[] parent;
    /** Which search last wrote a state's {@link #dist}, so the arrays need no clearing between searches. */
    private final int[] seen;
    private int search;
    private final int[][] buckets = new int[BUCKETS][];
    private final int[] bucketSize = new int[BUCKETS];
    private int queued;
    private int lowest;
    private long work;

    GridPathFinder(LineGrid grid) {
        this.grid = grid;
        int states = grid.width * grid.height * 4;
        dist = new int[states];
        parent = new int[states];
        seen = new int[states];
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = new int[64];
        }
    }

    /** States expanded by all searches so far. */
    long work() {
        return work;
    }

    /**
     * A path from {@code (sx, sy)}, entered moving right, to {@code (tx, ty)}, left moving right, inside the
     * window (grid coordinates, bounds included). Returns every cell of the path, both ends included, or
     * null when there is none within the bounds.
     */
    List<LinkRoute.Cell> find(int sx, int sy, int tx, int ty, int minX, int maxX, int minY, int maxY) {
        if (!grid.open(grid.cell(sx, sy))) {
            return null;
        }
        search++;
        Arrays.fill(bucketSize, 0);
        queued = 0;
        lowest = Integer.MAX_VALUE;
        relax(state(grid.cell(sx, sy), 1), 1, -1, sx, sy, tx, ty);
        int goal = -1;
        int goalCost = Integer.MAX_VALUE;
        for (int expanded = 0; queued > 0 && expanded < MAX_EXPANSIONS; expanded++) {
            int f = lowestPriority();
            int s = pop();
            if (f >= goalCost) {
                break;
            }
            work++;
            int cell = s >> 2;
            int x = cell % grid.width;
            int y = cell / grid.width;
            if (f - estimate(x, y, tx, ty) > dist[s]) {
                continue; // a stale entry: the state was reached more cheaply since
            }
            int d = s & 3;
            int back = (d + 2) & 3;
            boolean atGoal = x == tx && y == ty;
            int foreign = grid.foreign(cell);
            int lines = grid.mask(cell);
            for (int d2 = 0; d2 < 4; d2++) {
                if (d2 == back || atGoal && d2 != 1) {
                    continue;
                }
                int crossing = LineGrid.crossingsAt(foreign, lines, LineGrid.BIT[back] | LineGrid.BIT[d2]);
                if (crossing < 0) {
                    continue;
                }
                int cost = dist[s] + crossing * CROSSING + (d2 != d ? BEND : 0);
                if (atGoal) {
                    if (cost < goalCost) {
                        goalCost = cost;
                        goal = s;
                    }
                    continue;
                }
                int nx = x + LineGrid.DX[d2];
                int ny = y + LineGrid.DY[d2];
                if (nx >= minX && nx <= maxX && ny >= minY && ny <= maxY && grid.open(grid.cell(nx, ny))) {
                    relax(state(grid.cell(nx, ny), d2), cost + 1, s, nx, ny, tx, ty);
                }
            }
        }
        return goal < 0 ? null : cells(goal);
    }

    private List<LinkRoute.Cell> cells(int goal) {
        List<LinkRoute.Cell> reversed = new ArrayList<>();
        for (int s = goal; s >= 0; s = parent[s]) {
            int cell = s >> 2;
            reversed.add(new LinkRoute.Cell(cell % grid.width, cell / grid.width));
        }
        List<LinkRoute.Cell> cells = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            cells.add(reversed.get(i));
        }
        return cells;
    }

    private static int state(int cell, int direction) {
        return cell * 4 + direction;
    }

    private static int estimate(int x, int y, int tx, int ty) {
        return Math.abs(x - tx) + Math.abs(y - ty);
    }

    private void relax(int s, int cost, int from, int x, int y, int tx, int ty) {
        if (seen[s] == search && dist[s] <= cost) {
            return;
        }
        seen[s] = search;
        dist[s] = cost;
        parent[s] = from;
        push(cost + estimate(x, y, tx, ty), s);
    }

    private void push(int priority, int s) {
        int b = priority & (BUCKETS - 1);
        if (bucketSize[b] == buckets[b].length) {
            buckets[b] = Arrays.copyOf(buckets[b], buckets[b].length * 2);
        }
        buckets[b][bucketSize[b]++] = s;
        queued++;
        lowest = Math.min(lowest, priority);
    }

    private int lowestPriority() {
        while (bucketSize[lowest & (BUCKETS - 1)] == 0) {
            lowest++;
        }
        return lowest;
    }

    private int pop() {
        int b = lowestPriority() & (BUCKETS - 1);
        queued--;
        return buckets[b][--bucketSize[b]];
    }
}
