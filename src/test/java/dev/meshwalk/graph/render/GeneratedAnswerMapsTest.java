package dev.meshwalk.graph.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.bench.XRayAnswerGenerator;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Maps of generated account-sized answers (remote back ends, skips, calls back up): goldens of the benchmark's
 * small sizes, and properties over many seeds.
 */
class GeneratedAnswerMapsTest {

    @ParameterizedTest(name = "{0} nodes")
    @CsvSource({"12", "30"})
    void theBenchmarkGraphsMatchTheirGoldens(int size) {
        ServiceGraph graph = XRayAnswerGenerator.generate(size, 14).graph();
        RenderedMap map = new ServiceMapRenderer().render(graph, MapOptions.defaults().withWidth(80));
        Golden.assertMatches("generated-" + size + "-unicode-80-rpm", map.canvas().toPlainString());
    }

    @Test
    void aMapTooWideForTheScreenSavesTheUnitInItsLabelsButNotInItsBoxes() {
        ServiceGraph graph = XRayAnswerGenerator.generate(60, 14).graph();
        String wide = new ServiceMapRenderer().render(graph, MapOptions.defaults().withWidth(80)).canvas().toPlainString();
        assertThat(wide).startsWith("Service map").contains("labels: requests/min");
        assertThat(wide).as("labels without their unit").containsPattern("─ [\\d.]+ ─+▶").doesNotContainPattern("/min ─+▶");
        assertThat(wide).as("stats in the boxes keep it").containsPattern("ms  [\\d.]+/min");
    }

    @Test
    void aMapThatFitsKeepsTheUnitInItsLabels() {
        ServiceGraph graph = XRayAnswerGenerator.generate(4, 14).graph();
        String map = new ServiceMapRenderer().render(graph, MapOptions.defaults().withWidth(200)).canvas().toPlainString();
        assertThat(map).containsPattern("─ [\\d.]+/min ─+▶");
    }

    @Test
    void overManySeedsEveryNodeIsDrawnOnceWithItsNameAndStats() {
        for (long seed = 1; seed <= 40; seed++) {
            int size = 3 + (int) (seed * 7 % 58);
            ServiceGraph graph = XRayAnswerGenerator.generate(size, seed).graph();
            RenderedMap map = new ServiceMapRenderer().render(graph, MapOptions.defaults().withWidth(200));
            Map<Integer, int[]> boxes = map.boxes();
            assertThat(boxes.keySet()).as("seed %d", seed)
                    .containsExactlyInAnyOrderElementsOf(graph.nodes().stream().map(ServiceNode::referenceId).toList());
            Canvas c = map.canvas();
            for (ServiceNode n : graph.nodes()) {
                if (n.isClient()) {
                    continue;
                }
                int[] b = boxes.get(n.referenceId());
                assertThat(row(c, b, 1)).as("seed %d, name in its box", seed).contains(n.name());
                assertThat(row(c, b, 2)).as("seed %d, stats of %s", seed, n.name()).contains("/min");
            }
        }
    }

    private static String row(Canvas c, int[] box, int dy) {
        StringBuilder sb = new StringBuilder();
        for (int x = box[0]; x < box[0] + box[2]; x++) {
            sb.append(c.charAt(x, box[1] + dy));
        }
        return sb.toString();
    }
}
