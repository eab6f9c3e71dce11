package dev.meshwalk.graph.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanvasAndViewportTest {

    @Test
    void drawingOutsideIsClippedAndTrailingBlanksAreCut() {
        Canvas c = new Canvas(5, 2);
        c.text(3, 0, "abcdef", Style.OK);
        c.put(-1, 5, 'x', Style.PLAIN);
        assertThat(c.toPlainString()).isEqualTo("   ab\n\n");
        assertThat(c.styleAt(4, 0)).isEqualTo(Style.OK);
    }

    @Test
    void ansiTextChangesColourOnlyWhereTheStyleChangesAndResetsAtLineEnd() {
        Canvas c = new Canvas(4, 1);
        c.text(0, 0, "ab", Style.OK);
        c.text(2, 0, "c", Style.FAULT);
        assertThat(c.toAnsiString()).isEqualTo("\u001b[0;32mab\u001b[0;31mc\u001b[0m\n");
    }

    @Test
    void aViewportPansWithinTheCanvasAndCropsIt() {
        Canvas c = new Canvas(10, 4);
        c.text(0, 3, "0123456789", Style.PLAIN);
        Viewport v = Viewport.topLeft(4, 2);
        assertThat(v.cuts(c)).isTrue();
        Viewport far = v.pan(100, 100, c);
        assertThat(far).isEqualTo(new Viewport(6, 2, 4, 2));
        assertThat(c.crop(far).toPlainString()).isEqualTo("\n6789\n");
        assertThat(far.pan(-100, 0, c).x()).isZero();
        assertThat(Viewport.topLeft(20, 10).clampTo(c)).isEqualTo(new Viewport(0, 0, 20, 10));
        assertThat(Viewport.topLeft(20, 10).cuts(c)).isFalse();
    }

    @Test
    void labelModesCycle() {
        assertThat(LabelMode.RPM.next()).isEqualTo(LabelMode.SHARE);
        assertThat(LabelMode.SHARE.next()).isEqualTo(LabelMode.LATENCY);
        assertThat(LabelMode.LATENCY.next()).isEqualTo(LabelMode.RPM);
    }
}
