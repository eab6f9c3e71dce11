package dev.meshwalk.graph.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthBarTest {

    @Test
    void splitsCellsInProportionAndFillsTheBar() {
        assertThat(HealthBar.cells(new long[] {50, 25, 25, 0}, 12)).containsExactly(6, 3, 3, 0);
        assertThat(HealthBar.cells(new long[] {1, 1, 1, 0}, 10)).satisfies(c -> assertThat(c[0] + c[1] + c[2]).isEqualTo(10));
    }

    @Test
    void aRareFailureStillGetsACell() {
        assertThat(HealthBar.cells(new long[] {998, 0, 2, 0}, 12)).containsExactly(11, 0, 1, 0);
        assertThat(HealthBar.cells(new long[] {996, 1, 2, 1}, 12)).containsExactly(9, 1, 1, 1);
    }

    @Test
    void noRequestsNoCells() {
        assertThat(HealthBar.cells(new long[] {0, 0, 0, 0}, 12)).containsExactly(0, 0, 0, 0);
    }
}
