package dev.meshwalk.localcloud.dataplane.mesh;

import java.util.List;

/**
 * Picks weighted targets so the shares are exact over every full cycle and well interleaved (nginx's smooth
 * weighted round robin): weights 50/50 alternate, 90/10 send one in ten to the second. Envoy picks weighted
 * clusters at random; the exact version keeps the tutorial's ratio steady and its tests deterministic.
 */
final class SmoothWeightedRoundRobin {

    private final List<RouteSpec.WeightedTarget> targets;
    private final int[] current;
    private final int total;

    SmoothWeightedRoundRobin(List<RouteSpec.WeightedTarget> targets) {
        this.targets = List.copyOf(targets);
        this.current = new int[targets.size()];
        this.total = targets.stream().mapToInt(RouteSpec.WeightedTarget::weight).sum();
    }

    List<RouteSpec.WeightedTarget> targets() {
        return targets;
    }

    synchronized RouteSpec.WeightedTarget next() {
        if (total <= 0) {
            return targets.get(0);
        }
        int best = 0;
        for (int i = 0; i < current.length; i++) {
            current[i] += targets.get(i).weight();
            if (current[i] > current[best]) {
                best = i;
            }
        }
        current[best] -= total;
        return targets.get(best);
    }
}
