package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void scalesFromMinimumToMaximum() {
        assertThat(Sparkline.render(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0), 20, true)).isEqualTo("▁▂▃▄▅▆▇█");
        assertThat(Sparkline.render(List.of(10.0, 20.0), 20, true)).isEqualTo("▁█");
    }

    @Test
    void asciiFallbackUsesTheSameLevels() {
        assertThat(Sparkline.render(List.of(0.0, 7.0, 3.5), 20, false)).isEqualTo("_@+");
    }

    @Test
    void flatSeriesSeparateSteadyTrafficFromNothing() {
        assertThat(Sparkline.render(List.of(4.0, 4.0, 4.0), 20, true)).isEqualTo("███");
        assertThat(Sparkline.render(List.of(0.0, 0.0), 20, true)).isEqualTo("▁▁");
        assertThat(Sparkline.render(List.of(), 20, true)).isEmpty();
    }

    @Test
    void periodsWithoutDataStayAsGapsSoTimeIsEvenlySpaced() {
        assertThat(Sparkline.render(java.util.Arrays.asList(null, 0.0, null, 7.0), 20, true)).isEqualTo(" ▁ █");
        assertThat(Sparkline.render(java.util.Arrays.asList(null, null, 5.0), 20, false)).isEqualTo("  @");
    }

    @Test
    void keepsOnlyTheNewestValuesThatFit() {
        assertThat(Sparkline.render(List.of(9.0, 9.0, 0.0, 7.0), 2, true)).isEqualTo("▁█");
    }

    @Test
    void shareBarsFillProportionally() {
        assertThat(BoardText.bar(0.5, 10, true)).isEqualTo("█████░░░░░");
        assertThat(BoardText.bar(1.2, 4, false)).isEqualTo("####");
        assertThat(BoardText.bar(Double.NaN, 4, false)).isEqualTo("....");
    }
}
