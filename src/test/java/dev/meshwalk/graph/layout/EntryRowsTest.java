package dev.meshwalk.graph.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Where links enter their callee's port section. */
class EntryRowsTest {

    private static final LayoutGraph.Box SERVICE = new LayoutGraph.Box(5, List.of(new LayoutGraph.Section(1, 3)));

    /** A (exit row 2) above B (exit row 8) in layer 0; C (rows 8-10 for entries) and D (rows 1-3) in layer 1. */
    private static int[] entryRows(boolean bCallsD) {
        LayoutGraph g = new LayoutGraph();
        int a = g.addBox(SERVICE);
        int b = g.addBox(SERVICE);
        int c = g.addBox(SERVICE);
        int d = g.addBox(SERVICE);
        g.addLink(a, 0, c, 0);
        if (bCallsD) {
            g.addLink(b, 0, d, 0);
        }
        Arrangement.Builder builder = new Arrangement.Builder(g, new boolean[g.linkCount()]);
        builder.addVertex(0, 5, false);
        builder.addVertex(0, 5, false);
        builder.addVertex(1, 5, false);
        builder.addVertex(1, 5, false);
        builder.addSegment(a, 0, c, 0, 0);
        if (bCallsD) {
            builder.addSegment(b, 0, d, 0, 1);
        }
        Arrangement arrangement = builder.build();
        arrangement.y[a] = 0;
        arrangement.y[b] = 6;
        arrangement.y[c] = 7;
        arrangement.y[d] = 0;
        return EntryRows.assign(arrangement);
    }

    @Test
    void aLinkEntersOnTheRowNearestItsCaller() {
        assertThat(entryRows(false)).containsExactly(8);
    }

    @Test
    void aLinkEntersOffTheRowWhereAnotherBoxsLineLeavesIntoTheGap() {
        // B's line to D leaves on row 8; A's line entering C on row 8 would have to turn right of it.
        assertThat(entryRows(true)).containsExactly(9, 3);
    }
}
