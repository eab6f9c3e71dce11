package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orders the boxes within each layer to reduce crossings: barycenter sweeps down and up, keeping the best
 * order seen, then sifting ({@link #sift}). Ties keep the previous order (a stable sort; sifting moves a
 * box only to a strictly better place), so boxes with the same callers (weighted siblings such as {@code color} and {@code color-v2}) stay side by side. The sweeps are capped
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
        minimizeCrossings(0);
    }

    /**
     * Orders from the built order ({@code restart} 0) or from a shuffle of it seeded by {@code restart}: the
     * sweeps find a local optimum near where they start, so {@link LayeredLayout} tries several starts.
     */
    void minimizeCrossings(long restart) {
        int[][] layers = a.layers;
        if (layers.length < 2) {
            return;
        }
        if (restart != 0) {
            java.util.Random rnd = new java.util.Random(restart);
            for (int[] layer : layers) {
                for (int i = layer.length - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int t = layer[i];
                    layer[i] = layer[j];
                    layer[j] = t;
                }
            }
            restore(copy(layers));
        }
        int[][] start = copy(layers);
        long best = Long.MAX_VALUE;
        int[][] bestOrder = start;
        // Barycenter first (ties keep its order), then the median heuristic from the same start: each
        // wins on different graphs, and both are cheap next to a drawing that crosses twice as often.
        for (boolean median : new boolean[] {false, true}) {
            restore(start);
            long c = sweeps(median);
            if (c < best) {
                best = c;
                bestOrder = copy(a.layers);
            }
            if (best == 0) {
                break;
            }
        }
        restore(bestOrder);
        a.orderingCrossings = best;
    }

    /** Alternating sweeps, each layer sorted then improved by adjacent swaps; leaves the best order found. */
    private long sweeps(boolean median) {
        int[][] layers = a.layers;
        long best = totalCrossings();
        int[][] bestOrder = copy(layers);
        int sinceBetter = 0;
        // At least one sweep each way even without crossings: it also pulls boxes next to their neighbours'
        // rows (a client beside the service it calls). Ties go to the newer order for the same reason.
        for (int pass = 0; pass < MAX_SWEEPS
                && (pass < 2 || best > 0 && sinceBetter < PATIENCE); pass++) {
            boolean down = pass % 2 == 0;
            for (int k = 1; k < layers.length; k++) {
                int l = down ? k : layers.length - 1 - k;
                sortByNeighbours(l, down, median);
                transpose(l);
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
        restore(bestOrder);
        for (int round = 0; round < SIFT_ROUNDS; round++) {
            for (int l = 0; l < layers.length; l++) {
                sift(l);
            }
            long c = totalCrossings();
            if (c >= best) {
                restore(bestOrder);
                break;
            }
            best = c;
            bestOrder = copy(layers);
        }
        return best;
    }

    /**
     * Sifting rounds after the sweeps (each O(V * layer width * degree^2)): on the generated answers of issue
     * 14 two rounds took the 200-node map from 2389 to about 2200 drawn crossings; a third gained 2%.
     */
    private static final int SIFT_ROUNDS = 2;

    /**
     * Sifting: each vertex of the layer in turn is taken out and put back where it crosses least with both
     * neighbouring layers, counted exactly from pairs of vertices ({@link #pairCrossings}).
     */
    private void sift(int l) {
        int[] layer = a.layers[l];
        int k = layer.length;
        for (int v : layer.clone()) {
            List<Integer> order = new ArrayList<>();
            for (int u : a.layers[l]) {
                if (u != v) {
                    order.add(u);
                }
            }
            // delta[j]: crossings with v at place j, less those with v on top; v stays unless a place is better
            int current = a.position[v];
            long[] delta = new long[k];
            for (int j = 0; j < order.size(); j++) {
                int u = order.get(j);
                delta[j + 1] = delta[j] + pairCrossings(u, v, true) + pairCrossings(u, v, false)
                        - pairCrossings(v, u, true) - pairCrossings(v, u, false);
            }
            int bestAt = current;
            for (int j = 0; j < k; j++) {
                if (delta[j] < delta[bestAt]) {
                    bestAt = j;
                }
            }
            order.add(bestAt, v);
            for (int j = 0; j < k; j++) {
                layer[j] = order.get(j);
                a.position[layer[j]] = j;
            }
        }
    }

    void restore(int[][] order) {
        for (int l = 0; l < order.length; l++) {
            a.layers[l] = order[l].clone();
            for (int i = 0; i < order[l].length; i++) {
                a.position[order[l][i]] = i;
            }
        }
    }

    /**
     * Swaps neighbours in a layer while that removes crossings with the layers on both sides (the
     * transposition heuristic); a swap is counted exactly from the two vertices' segments.
     */
    private void transpose(int l) {
        int[] layer = a.layers[l];
        boolean improved = true;
        for (int round = 0; improved && round < layer.length; round++) {
            improved = false;
            for (int i = 0; i + 1 < layer.length; i++) {
                int u = layer[i];
                int v = layer[i + 1];
                long keep = pairCrossings(u, v, true) + pairCrossings(u, v, false);
                long swap = pairCrossings(v, u, true) + pairCrossings(v, u, false);
                if (swap < keep) {
                    layer[i] = v;
                    layer[i + 1] = u;
                    a.position[v] = i;
                    a.position[u] = i + 1;
                    improved = true;
                }
            }
        }
    }

    /** Crossings between the segments of {@code upper} and {@code lower} (upper above) on one side. */
    private long pairCrossings(int upper, int lower, boolean left) {
        List<Integer> us = left ? a.inSegments.get(upper) : a.outSegments.get(upper);
        List<Integer> ls = left ? a.inSegments.get(lower) : a.outSegments.get(lower);
        long c = 0;
        for (int su : us) {
            int pu = a.position[left ? a.segFrom[su] : a.segTo[su]];
            for (int sl : ls) {
                if (a.position[left ? a.segFrom[sl] : a.segTo[sl]] < pu) {
                    c++;
                }
            }
        }
        return c;
    }

    private void sortByNeighbours(int l, boolean fromLeft, boolean median) {
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
            double[] p = new double[segs.size()];
            double sum = 0;
            for (int j = 0; j < p.length; j++) {
                int s = segs.get(j);
                p[j] = a.position[fromLeft ? a.segFrom[s] : a.segTo[s]];
                sum += p[j];
            }
            if (median) {
                Arrays.sort(p);
                bary[i] = p.length % 2 == 1 ? p[p.length / 2] : (p[p.length / 2 - 1] + p[p.length / 2]) / 2;
            } else {
                bary[i] = sum / p.length;
            }
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

    static int[][] copy(int[][] layers) {
        int[][] c = new int[layers.length][];
        for (int i = 0; i < layers.length; i++) {
            c[i] = layers[i].clone();
        }
        return c;
    }
}
