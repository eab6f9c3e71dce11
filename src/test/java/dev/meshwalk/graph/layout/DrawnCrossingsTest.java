package dev.meshwalk.graph.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The crossing count that picks the ordering: cells drawn as {@code ┼}, as the benchmark counts them. */
class DrawnCrossingsTest {

    private static LinkRoute route(int link, int... xy) {
        List<LinkRoute.Cell> pts = new java.util.ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            pts.add(new LinkRoute.Cell(xy[i], xy[i + 1]));
        }
        return new LinkRoute(link, pts, pts.get(pts.size() - 1), false, null, 0, Math.max(0, pts.size() - 2));
    }

    @Test
    void aLineThroughAnotherIsOneCrossing() {
        assertThat(DrawnCrossings.count(List.of(route(0, 0, 5, 10, 5), route(1, 4, 0, 4, 9)), 11, 10)).isEqualTo(1);
    }

    @Test
    void aBranchOrACornerIsNoCrossing() {
        List<LinkRoute> fan = List.of(
                route(0, 0, 5, 10, 5),
                route(1, 0, 5, 4, 5, 4, 9, 10, 9),   // leaves the first line downwards: a branch
                route(2, 6, 0, 6, 5),                // ends on the first line from above
                route(3, 8, 6, 8, 9),                // a vertical down to the second line...
                route(4, 8, 7, 10, 7));              // ...with a branch to the right
        assertThat(DrawnCrossings.count(fan, 11, 10)).isZero();
    }

    @Test
    void linesSharingTheirCellsAreCrossedOnce() {
        // Two links of one fan-out share the horizontal; a vertical through it is one glyph, where
        // counting pairs of lines (GridCrossings) says two.
        List<LinkRoute> routes = List.of(route(0, 0, 5, 10, 5), route(1, 0, 5, 10, 5), route(2, 4, 0, 4, 9));
        assertThat(DrawnCrossings.count(routes, 11, 10)).isEqualTo(1);
    }
}
