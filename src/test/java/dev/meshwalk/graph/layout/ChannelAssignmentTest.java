package dev.meshwalk.graph.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The turning columns of one gap between two layers. */
class ChannelAssignmentTest {

    @Test
    void aLineEnteringOnAnotherLinesExitRowTurnsRightOfIt() {
        // Layer 0: A (exit row 2) above B (exit row 8). Layer 1: C entered on row 2, D on row 7.
        // A calls D and B calls C. If B's line turned left of A's, its run into C on row 2 would start
        // before A's exit on row 2 ends, and the two would read as one line from A to C.
        LayoutGraph g = new LayoutGraph();
        int a = g.addBox(new LayoutGraph.Box(5, List.of(new LayoutGraph.Section(1, 3))));
        int b = g.addBox(new LayoutGraph.Box(5, List.of(new LayoutGraph.Section(1, 3))));
        int c = g.addBox(new LayoutGraph.Box(5, List.of(new LayoutGraph.Section(1, 1))));
        int d = g.addBox(new LayoutGraph.Box(5, List.of(new LayoutGraph.Section(0, 0))));
        g.addLink(a, 0, d, 0);
        g.addLink(b, 0, c, 0);
        Arrangement.Builder builder = new Arrangement.Builder(g, new boolean[2]);
        builder.addVertex(0, 5, false);
        builder.addVertex(0, 5, false);
        builder.addVertex(1, 5, false);
        builder.addVertex(1, 5, false);
        builder.addSegment(a, 0, d, 0, 0);
        builder.addSegment(b, 0, c, 0, 1);
        Arrangement arrangement = builder.build();
        arrangement.y[a] = 0;
        arrangement.y[b] = 6;
        arrangement.y[c] = 1;
        arrangement.y[d] = 7;
        int[] inRow = EntryRows.assign(arrangement);
        assertThat(inRow).containsExactly(7, 2);
        int[] channel = new int[2];

        int columns = ChannelAssignment.assign(arrangement, List.of(0, 1), inRow, channel, new int[2]);

        assertThat(columns).isEqualTo(2);
        assertThat(channel[0]).as("A's column").isLessThan(channel[1]);
    }
}
