package dev.meshwalk.graph.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayeringTest {

    private static int box(LayoutGraph g) {
        return g.addBox(new LayoutGraph.Box(3, List.of(new LayoutGraph.Section(1, 1))));
    }

    private static int[] layers(LayoutGraph g) {
        return Layering.longestPath(g, new boolean[g.links().size()]);
    }

    @Test
    void aCallerAndItsCalleesMoveRightTogetherWhenThatShortensTheLinksToAFarBackEnd() {
        // client -> x1 -> x2 -> x3 -> x4 -> table puts the table in layer 5; p (called by the client)
        // fans out to q1 and q2, which both call the table. Longest path leaves p, q1, q2 in layers 1-2
        // with two links skipping three layers; moving q1 or q2 alone gains nothing, p with both gains.
        LayoutGraph g = new LayoutGraph();
        int client = box(g);
        int[] x = {box(g), box(g), box(g), box(g)};
        int table = box(g);
        int p = box(g);
        int q1 = box(g);
        int q2 = box(g);
        g.addLink(client, 0, x[0], 0);
        for (int i = 0; i + 1 < x.length; i++) {
            g.addLink(x[i], 0, x[i + 1], 0);
        }
        g.addLink(x[3], 0, table, 0);
        g.addLink(client, 0, p, 0);
        g.addLink(p, 0, q1, 0);
        g.addLink(p, 0, q2, 0);
        g.addLink(q1, 0, table, 0);
        g.addLink(q2, 0, table, 0);

        int[] layer = layers(g);

        assertThat(layer[client]).isZero();
        assertThat(layer[table]).isEqualTo(5);
        assertThat(new int[] {layer[p], layer[q1], layer[q2]}).containsExactly(3, 4, 4);
    }

    @Test
    void aBoxWithAsManyCallersAsCalleesStaysWhereLongestPathPutsIt() {
        // a -> b -> c -> d and a -> m -> d: moving m right saves its out-link what its in-link loses.
        LayoutGraph g = new LayoutGraph();
        int a = box(g);
        int b = box(g);
        int c = box(g);
        int d = box(g);
        int m = box(g);
        g.addLink(a, 0, b, 0);
        g.addLink(b, 0, c, 0);
        g.addLink(c, 0, d, 0);
        g.addLink(a, 0, m, 0);
        g.addLink(m, 0, d, 0);

        assertThat(layers(g)[m]).isEqualTo(1);
    }
}
