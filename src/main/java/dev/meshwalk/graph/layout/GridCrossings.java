package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts where routed lines cross on the grid: a vertical passing strictly through a horizontal. A sweep
 * over rows with a Fenwick tree of the columns of the verticals alive on that row, O((H + V) log W). Lines
 * of one net meet only at their ends (the net's column is an end of each of its horizontals), so they
 * never count. (Crossings between layers before routing are {@link Ordering}'s business.)
 */
final class GridCrossings {

    private GridCrossings() {
    }

    /**
     * @param horizontals {x1, x2, y, net} with x1 &lt; x2
     * @param verticals   {x, y1, y2, net} with y1 &lt; y2
     * @param width       columns of the grid (every x is below it)
     */
    static long count(List<int[]> horizontals, List<int[]> verticals, int width) {
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
}
