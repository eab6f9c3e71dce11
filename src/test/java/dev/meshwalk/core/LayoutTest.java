package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void narrowScreensGetABottomStripAndWideOnesASideStrip() {
        Layout small = Layout.of(new Size(80, 24));
        assertThat(small.sideStrip()).isFalse();
        assertThat(small.textWidth()).isEqualTo(76);
        assertThat(small.bodyTop() + small.viewportHeight() + small.stripHeight()).isEqualTo(24 - 2);

        Layout wide = Layout.of(new Size(200, 60));
        assertThat(wide.sideStrip()).isTrue();
        assertThat(wide.textWidth()).isEqualTo(Layout.MAX_TEXT_WIDTH);
        assertThat(wide.textLeft() + wide.textWidth()).isLessThan(wide.stripLeft());
        assertThat(wide.stripLeft()).as("the strip sits next to the text").isEqualTo(wide.textLeft() + wide.textWidth() + 2);
        assertThat(wide.stripLeft() + wide.stripWidth()).isLessThanOrEqualTo(200);
        Layout edge = Layout.of(new Size(120, 30));
        assertThat(edge.stripLeft() + edge.stripWidth()).isLessThanOrEqualTo(120);
    }
}
