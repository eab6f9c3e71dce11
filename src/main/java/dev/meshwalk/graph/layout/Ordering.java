package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orders the boxes within each layer to reduce crossings: barycenter sweeps down and up, keeping the best
 * order seen. Ties keep the previous order (a stable sort), so boxes with the same callers (weighted
 * siblings such as {@code color} and {@code color-v2}) stay side by side. The sweeps are capped
 * ({@link #MAX_SWEEPS}) and crossings are counted in O(E log V) per layer pair, so a thousand-node graph
 * stays well under a second.
 */
final class Ordering {

    /** Upper bound on barycenter passes (each pass is one sweep down or up). */
    private static final int MAX_SWEEPS = 24;
    /** Stop sweeping after this many passes without fewer crossings. */
    private static final int PATIENCE = 4;

    private final Arrangement a;

    Ordering(Arrangement a) {
        this.a = a;
    }

    void minimizeCrossings() {
        int[][] layers = a.layers;
        if (layers.length < 2) {
            return;
        }
        long best = totalCrossings();
        int[][] bestOrder = copy(layers);
        int sinceBetter = 0;
        // At least one sweep each way even without crossings: it also pulls boxes next to their neighbours'
        // rows (a client beside the service it calls). Ties go to the newer order for the same reason.
        for (int pass = 0; pass < MAX_SWEEPS
                && (pass < 2 || best > 0 && sinceBetter < PATIENCE); pass++) {
            boolean down = pass % 2 == 0;
            if (down) {
                for (int l = 1; l < layers.length; l++) {
                    sortByBarycenter(l, true);
                }
            } else {
                for (int l = layers.length - 2; l >= 0; l--) {
                    sortByBarycenter(l, false);
                }
            }
            long c = totalCrossings();
            if (c < best) {
                sinceBetter = 0;
            } else {
                sinceBetter++;
            }
            if (c <= best) {
                best = c;
                bestOrder = copy(layers);
            }
        }
        for (int l = 0; l < layers.length; l++) {
            a.layers[l] = bestOrder[l];
            for (int i = 0; i < bestOrder[l].length; i++) {
                a.position[bestOrder[l][i]] = i;
            }
        }
        a.orderingCrossings = best;
    }

    private void sortByBarycenter(int l, boolean fromLeft) {
        int[] layer = a.layers[l];
        int k = layer.length;
        Integer[] idx = new Integer[k];
        double[] bary = new double[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
            int v = layer[i];
            List<Integer> segs = fromLeft ? a.inSegments.get(v) : a.outSegments.get(v);
            if (segs.isEmpty()) {
                bary[i] = i;
                continue;
            }
            double sum = 0;
            for (int s : segs) {
                sum += a.position[fromLeft ? a.segFrom[s] : a.segTo[s]];
            }
            bary[i] = sum / segs.size();
        }
        Arrays.sort(idx, (x, y) -> Double.compare(bary[x], bary[y]));
        int[] sorted = new int[k];
        for (int i = 0; i < k; i++) {
            sorted[i] = layer[idx[i]];
            a.position[sorted[i]] = i;
        }
        a.layers[l] = sorted;
    }

    long totalCrossings() {
        long total = 0;
        for (int l = 0; l + 1 < a.layers.length; l++) {
            total += crossingsBetween(l);
        }
        return total;
    }

    /** Bilayer crossings by counting inversions with a Fenwick tree (Barth, Juenger, Mutzel). */
    long crossingsBetween(int l) {
        List<long[]> pairs = new ArrayList<>();
        for (int v : a.layers[l]) {
            for (int s : a.outSegments.get(v)) {
                pairs.add(new long[] {a.position[v], a.position[a.segTo[s]]});
            }
        }
        pairs.sort((p, q) -> p[0] != q[0] ? Long.compare(p[0], q[0]) : Long.compare(p[1], q[1]));
        int size = a.layers[l + 1].length;
        long[] tree = new long[size + 1];
        long crossings = 0;
        long seen = 0;
        for (long[] p : pairs) {
            int pos = (int) p[1] + 1;
            long notGreater = 0;
            for (int i = pos; i > 0; i -= i & -i) {
                notGreater += tree[i];
            }
            crossings += seen - notGreater;
            for (int i = pos; i <= size; i += i & -i) {
                tree[i]++;
            }
            seen++;
        }
        return crossings;
    }

    private static int[][] copy(int[][] layers) {
        int[][] c = new int[layers.length][];
        for (int i = 0; i < layers.length; i++) {
            c[i] = layers[i].clone();
        }
        return c;
    }
}
