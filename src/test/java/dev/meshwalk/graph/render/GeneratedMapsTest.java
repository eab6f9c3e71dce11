package dev.meshwalk.graph.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.bench.ServiceGraphGenerator;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole maps of generated graphs: every node gets a box of its own, and boxes never overlap. */
class GeneratedMapsTest {

    @ParameterizedTest(name = "{0} nodes")
    @CsvSource({"2", "10", "60", "200"})
    void everyNodeIsDrawnOnceAndNoBoxesOverlap(int size) {
        ServiceGraph graph = ServiceGraphGenerator.generate(size, size);
        RenderedMap map = new ServiceMapRenderer().render(graph, MapOptions.defaults().withWidth(100));
        Map<Integer, int[]> boxes = map.boxes();
        assertThat(boxes.keySet()).hasSize(graph.nodes().size());
        String text = map.canvas().toPlainString();
        for (ServiceNode n : graph.nodes()) {
            int[] b = boxes.get(n.referenceId());
            assertThat(b[0] + b[2]).isLessThanOrEqualTo(map.canvas().width());
            assertThat(b[1] + b[3]).isLessThanOrEqualTo(map.canvas().height());
        }
        for (Map.Entry<Integer, int[]> a : boxes.entrySet()) {
            for (Map.Entry<Integer, int[]> b : boxes.entrySet()) {
                if (a.getKey() < b.getKey()) {
                    int[] p = a.getValue();
                    int[] q = b.getValue();
                    boolean apart = p[0] + p[2] <= q[0] || q[0] + q[2] <= p[0] || p[1] + p[3] <= q[1] || q[1] + q[3] <= p[1];
                    // The two halves of a proxy+app box share their middle line, nothing more.
                    boolean pairHalves = p[0] == q[0] && (p[1] + p[3] - 1 == q[1] || q[1] + q[3] - 1 == p[1]);
                    assertThat(apart || pairHalves).as("boxes of %d and %d overlap", a.getKey(), b.getKey()).isTrue();
                }
            }
        }
        assertThat(text).contains("Service map");
    }
}
