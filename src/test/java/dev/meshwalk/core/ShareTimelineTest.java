package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The timeline cuts answers into windows of a fixed size, keeps a bounded number, and counts failures apart. */
class ShareTimelineTest {

    static ShareTimeline add(ShareTimeline t, String color, int n) {
        for (int i = 0; i < n; i++) {
            t = t.with(Optional.ofNullable(color));
        }
        return t;
    }

    @Test
    void answersFillWindowsOfFixedSizeInOrder() {
        ShareTimeline t = add(add(ShareTimeline.empty(), "green", ShareTimeline.WINDOW), "blue", 5);
        assertThat(t.windows()).hasSize(2);
        assertThat(t.full()).hasSize(1);
        assertThat(t.full().get(0).share("green")).isEqualTo(1.0);
        assertThat(t.windows().get(1).colors()).containsEntry("blue", 5L);
    }

    @Test
    void failuresCountInTheWindowButForNoColor() {
        ShareTimeline t = add(add(ShareTimeline.empty(), "blue", 15), null, 5);
        ShareTimeline.Window w = t.full().get(0);
        assertThat(w.failed()).isEqualTo(5);
        assertThat(w.share("blue")).isEqualTo(0.75);
    }

    @Test
    void keepsOnlyTheNewestWindows() {
        ShareTimeline t = add(ShareTimeline.empty(), "green", ShareTimeline.WINDOW);
        t = add(t, "blue", ShareTimeline.WINDOW * ShareTimeline.KEPT);
        assertThat(t.windows()).hasSize(ShareTimeline.KEPT);
        assertThat(t.windows()).allMatch(w -> w.share("blue") == 1.0);
    }
}
