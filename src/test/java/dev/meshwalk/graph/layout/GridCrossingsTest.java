package dev.meshwalk.graph.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The crossing count routing reports (and the benchmarks compare): only a line passing through another counts. */
class GridCrossingsTest {

    @Test
    void aVerticalThroughAHorizontalIsOneCrossing() {
        List<int[]> horizontals = List.of(new int[] {0, 10, 5, 0});
        List<int[]> verticals = List.of(new int[] {4, 0, 9, 1});
        assertThat(GridCrossings.count(horizontals, verticals, 11)).isEqualTo(1);
    }

    @Test
    void linesThatOnlyTouchAtAnEndOrCornerDoNotCross() {
        List<int[]> horizontals = List.of(new int[] {0, 10, 5, 0});
        List<int[]> verticals = List.of(
                new int[] {10, 5, 9, 0},  // turns down at the horizontal's end (one net's corner)
                new int[] {4, 5, 9, 1},   // starts on the horizontal
                new int[] {6, 0, 5, 2});  // ends on the horizontal
        assertThat(GridCrossings.count(horizontals, verticals, 11)).isZero();
    }

    @Test
    void everyPairThatCrossesCountsOnce() {
        List<int[]> horizontals = List.of(new int[] {0, 10, 3, 0}, new int[] {0, 10, 6, 1});
        List<int[]> verticals = List.of(new int[] {2, 0, 9, 2}, new int[] {5, 0, 9, 3}, new int[] {8, 4, 9, 4});
        assertThat(GridCrossings.count(horizontals, verticals, 11)).isEqualTo(5);
    }
}
