package dev.meshwalk.localcloud.dataplane.net;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Picks weighted items so the shares are exact over every full cycle and well interleaved (nginx's smooth
 * weighted round robin): weights 50/50 alternate, 90/10 send one in ten to the second. Envoy picks weighted
 * clusters at random; the exact version keeps the tutorial's ratios steady and its tests deterministic. Used by
 * App Mesh routes (weighted targets) and by Service Connect (a canary's split between service revisions).
 */
public final class SmoothWeightedRoundRobin<T> {

    private final List<T> items;
    private final int[] weights;
    private final int[] current;
    private final int total;

    public SmoothWeightedRoundRobin(List<T> items, ToIntFunction<T> weight) {
        this.items = List.copyOf(items);
        this.weights = this.items.stream().mapToInt(weight).toArray();
        this.current = new int[this.items.size()];
        this.total = Arrays.stream(weights).sum();
    }

    public List<T> items() {
        return items;
    }

    public synchronized T next() {
        if (total <= 0) {
            return items.get(0);
        }
        int best = 0;
        for (int i = 0; i < current.length; i++) {
            current[i] += weights[i];
            if (current[i] > current[best]) {
                best = i;
            }
        }
        current[best] -= total;
        return items.get(best);
    }
}
