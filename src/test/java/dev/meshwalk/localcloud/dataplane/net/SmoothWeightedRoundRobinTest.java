package dev.meshwalk.localcloud.dataplane.net;

import dev.meshwalk.localcloud.dataplane.mesh.RouteSpec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmoothWeightedRoundRobinTest {

    private static Map<String, Integer> pick(int n, RouteSpec.WeightedTarget... targets) {
        SmoothWeightedRoundRobin<RouteSpec.WeightedTarget> picker = new SmoothWeightedRoundRobin<>(List.of(targets),
                RouteSpec.WeightedTarget::weight);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(picker.next().virtualNode(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void sharesAreExactOverFullCycles() {
        assertThat(pick(1000, new RouteSpec.WeightedTarget("green", 90), new RouteSpec.WeightedTarget("blue", 10)))
                .containsEntry("green", 900).containsEntry("blue", 100);
        assertThat(pick(300, new RouteSpec.WeightedTarget("a", 1), new RouteSpec.WeightedTarget("b", 2)))
                .containsEntry("a", 100).containsEntry("b", 200);
    }

    @Test
    void equalWeightsAlternate() {
        SmoothWeightedRoundRobin<RouteSpec.WeightedTarget> picker = new SmoothWeightedRoundRobin<>(List.of(
                new RouteSpec.WeightedTarget("green", 50), new RouteSpec.WeightedTarget("blue", 50)), RouteSpec.WeightedTarget::weight);

        assertThat(List.of(picker.next().virtualNode(), picker.next().virtualNode(), picker.next().virtualNode(),
                picker.next().virtualNode())).containsExactly("green", "blue", "green", "blue");
    }

    @Test
    void zeroWeightTargetNeverReceivesTraffic() {
        assertThat(pick(100, new RouteSpec.WeightedTarget("green", 1), new RouteSpec.WeightedTarget("blue", 0)))
                .containsEntry("green", 100).doesNotContainKey("blue");
    }
}
