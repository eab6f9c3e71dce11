package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.meshwalk.testing.Golden;

/**
 * The traffic pane's time line of color shares, character for character against golden files under
 * src/test/resources/golden (update with {@code -Dgolden.update=true}): a canary's green, then half and half, then
 * blue; a faulty canary with errors, rolled back to green; and when it starts to show.
 */
class ShareTimelineTextTest {

    private static final Path DIR = Path.of("src", "test", "resources", "golden");
    private static final Duration HALF_SECOND = Duration.ofMillis(500);

    /** {@code windows} windows of answers, each answer's color from {@code pick(window, answer)} (null: failed). */
    private static ShareTimeline timeline(int windows, java.util.function.BiFunction<Integer, Integer, String> pick) {
        ShareTimeline t = ShareTimeline.empty();
        for (int w = 0; w < windows; w++) {
            for (int a = 0; a < ShareTimeline.WINDOW; a++) {
                t = t.with(Optional.ofNullable(pick.apply(w, a)));
            }
        }
        return t;
    }

    /** Green for 4 windows, every other answer blue for 5, then blue. */
    private static ShareTimeline canary() {
        return timeline(14, (w, a) -> w < 4 ? "green" : w < 9 ? (a % 2 == 0 ? "blue" : "green") : "blue");
    }

    /** Green, then a faulty blue canary (3 of 10 blue answers fail), then green again after the rollback. */
    private static ShareTimeline rolledBack() {
        return timeline(10, (w, a) -> w < 3 || w >= 6 ? "green"
                : a % 2 == 1 ? "green" : a % 10 < 3 ? null : "blue");
    }

    private static String text(ShareTimeline t, boolean unicode) {
        return String.join("\n", ShareTimelineText.lines(t, HALF_SECOND, unicode)) + "\n";
    }

    @Test
    void aCanaryReadsGreenThenHalfAndHalfThenBlue() {
        Golden.assertMatches(DIR, "share-timeline-canary.unicode", text(canary(), true));
        Golden.assertMatches(DIR, "share-timeline-canary.ascii", text(canary(), false));
    }

    @Test
    void aRolledBackCanaryShowsItsErrorsAndEndsGreen() {
        Golden.assertMatches(DIR, "share-timeline-rollback.unicode", text(rolledBack(), true));
        Golden.assertMatches(DIR, "share-timeline-rollback.ascii", text(rolledBack(), false));
    }

    @Test
    void itShowsFromTwoColumnsAndKeepsTheNewestSixtyWithinSeventyEightColumns() {
        assertThat(ShareTimelineText.lines(timeline(1, (w, a) -> "green"), HALF_SECOND, true)).isEmpty();
        ShareTimeline oneAndAQuarter = timeline(1, (w, a) -> "green");
        for (int a = 0; a < ShareTimelineText.PARTIAL_MIN; a++) {
            oneAndAQuarter = oneAndAQuarter.with(Optional.of("blue"));
        }
        assertThat(ShareTimelineText.lines(oneAndAQuarter, HALF_SECOND, true)).as("a filling window counts once it has 5")
                .contains("  blue     ·█", "  green    █·");

        ShareTimeline long_ = timeline(100, (w, a) -> w < 99 ? "green" : "blue");
        assertThat(ShareTimelineText.lines(long_, HALF_SECOND, true)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(78))
                .contains("  blue     " + "·".repeat(59) + "█");
    }
}
