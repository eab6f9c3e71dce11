package dev.meshwalk.graph.layout;

import java.util.Arrays;
import java.util.List;

/**
 * Step four of {@link LayeredLayout}: the top row of every vertex. Each layer starts stacked in its order,
 * then alternating passes pull it towards the ports of its neighbours on the left, then on the right, by
 * isotonic regression (pool adjacent violators): the closest rows that keep the order and the spacing.
 * That makes links straight where it can without ever reordering a layer.
 */
final class RowPlacement {

    /** Alternating placement passes. */
    private static final int PASSES = 6;

    private RowPlacement() {
    }

    /** Rows per layer, pulled towards neighbours' ports, order and spacing kept. */
    static void place(Arrangement a) {
        for (int[] layer : a.layers) {
            int y = 0;
            for (int i = 0; i < layer.length; i++) {
                if (i > 0) {
                    y += spacing(a, layer[i - 1], layer[i]);
                }
                a.y[layer[i]] = y;
                y += a.height[layer[i]];
            }
        }
        for (int pass = 0; pass < PASSES; pass++) {
            boolean down = pass % 2 == 0;
            int layerCount = a.layers.length;
            for (int k = 0; k < layerCount; k++) {
                int l = down ? k : layerCount - 1 - k;
                pullTowardsNeighbours(a, a.layers[l], down);
            }
        }
        int min = Integer.MAX_VALUE;
        for (int v = 0; v < a.vertexCount; v++) {
            min = Math.min(min, a.y[v]);
        }
        if (min != Integer.MAX_VALUE) {
            for (int v = 0; v < a.vertexCount; v++) {
                a.y[v] -= min;
            }
        }
    }

    private static int spacing(Arrangement a, int upper, int lower) {
        return a.dummy[upper] && a.dummy[lower] ? 0 : 1;
    }

    private static void pullTowardsNeighbours(Arrangement a, int[] layer, boolean fromLeft) {
        int k = layer.length;
        if (k == 0) {
            return;
        }
        double[] target = new double[k];
        double[] weight = new double[k];
        int[] offset = new int[k];
        int off = 0;
        for (int i = 0; i < k; i++) {
            int v = layer[i];
            if (i > 0) {
                off += a.height[layer[i - 1]] + spacing(a, layer[i - 1], v);
            }
            offset[i] = off;
            double sum = 0;
            int count = 0;
            List<Integer> segs = fromLeft ? a.inSegments.get(v) : a.outSegments.get(v);
            for (int s : segs) {
                int other = fromLeft ? a.segFrom[s] : a.segTo[s];
                int otherSec = fromLeft ? a.segFromSection[s] : a.segToSection[s];
                int ownSec = fromLeft ? a.segToSection[s] : a.segFromSection[s];
                sum += a.y[other] + a.sectionMiddle(other, otherSec) - a.sectionMiddle(v, ownSec);
                count++;
            }
            double desired = count == 0 ? a.y[v] : sum / count;
            target[i] = desired - offset[i];
            weight[i] = count == 0 ? 0.5 : count * (a.dummy[v] ? 1.0 : 2.0);
        }
        double[] z = Isotonic.nonDecreasing(target, weight);
        for (int i = 0; i < k; i++) {
            a.y[layer[i]] = (int) Math.round(z[i]) + offset[i];
        }
    }

    /** Pool-adjacent-violators: the non-decreasing sequence closest (weighted least squares) to the input. */
    static final class Isotonic {
        private Isotonic() {
        }

        static double[] nonDecreasing(double[] t, double[] w) {
            int n = t.length;
            double[] blockMean = new double[n];
            double[] blockWeight = new double[n];
            int[] blockSize = new int[n];
            int blocks = 0;
            for (int i = 0; i < n; i++) {
                blockMean[blocks] = t[i];
                blockWeight[blocks] = w[i];
                blockSize[blocks] = 1;
                blocks++;
                while (blocks > 1 && blockMean[blocks - 2] > blockMean[blocks - 1]) {
                    double wSum = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                    blockMean[blocks - 2] = (blockMean[blocks - 2] * blockWeight[blocks - 2]
                            + blockMean[blocks - 1] * blockWeight[blocks - 1]) / wSum;
                    blockWeight[blocks - 2] = wSum;
                    blockSize[blocks - 2] += blockSize[blocks - 1];
                    blocks--;
                }
            }
            double[] out = new double[n];
            int i = 0;
            for (int b = 0; b < blocks; b++) {
                Arrays.fill(out, i, i + blockSize[b], blockMean[b]);
                i += blockSize[b];
            }
            return out;
        }
    }
}
