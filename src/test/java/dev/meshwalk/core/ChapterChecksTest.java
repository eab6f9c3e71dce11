package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.meshwalk.graph.ServiceEdge;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.Stats;

/** Each chapter's check decides on live answers and explains what to do when it does not pass. */
class ChapterChecksTest {

    private static final Stats SOME = new Stats(10, 0, 0, 0, 10, 0.1);

    private static ServiceGraph graph(ServiceNode... nodes) {
        return new ServiceGraph(null, List.of(nodes));
    }

    private static TrafficSample split(long blue, long green) {
        long n = blue + green;
        return new TrafficSample(n, n, Map.of("blue", blue, "green", green),
                Map.of("blue", (double) blue / n, "green", (double) green / n), Map.of(), 2, Duration.ofMillis(3),
                Duration.ofMillis(9), List.of(), Duration.ofMillis(500), true);
    }

    @Test
    void chaptersZeroToThreeWithoutStackEvidenceNeverPass() {
        ServiceNode front = ServiceNode.of(1, "front", "AWS::ECS::Container", SOME, List.of(ServiceEdge.of(2, SOME)));
        ServiceNode green = ServiceNode.of(2, "color-green", "AWS::ECS::Container", SOME, List.of());
        for (String chapter : List.of("0-prelude", "1-servicediscovery", "2-meshify", "3-routing")) {
            ChapterChecks.Verdict v = ChapterChecks.judge(chapter, graph(front, green), Optional.of(split(25, 25)));
            assertThat(v.passed()).as(chapter).isFalse();
            assertThat(v.explanation()).as(chapter).contains("no stack yet").contains("deploy chapter " + chapter);
        }
    }

    private static ShareTimeline windows(double... blueShares) {
        ShareTimeline t = ShareTimeline.empty();
        for (double b : blueShares) {
            int blue = (int) Math.round(b * ShareTimeline.WINDOW);
            t = ShareTimelineTest.add(ShareTimelineTest.add(t, "blue", blue), "green", ShareTimeline.WINDOW - blue);
        }
        return t;
    }

    private static ChapterChecks.Verdict canary(ShareTimeline t) {
        return ChapterChecks.judge("5-canary", graph(), Optional.empty(), t);
    }

    @Test
    void chapterFourWantsFrontCallingColorAllGreenAndNoProxy() {
        ServiceNode front = ServiceNode.of(1, "front", "AWS::ECS::Container", SOME, List.of(ServiceEdge.of(2, SOME)));
        ServiceNode color = ServiceNode.of(2, "color", "AWS::ECS::Container", SOME, List.of());
        assertThat(ChapterChecks.judge("4-serviceconnect", graph(front, color), Optional.of(split(0, 30))).passed()).isTrue();
        ChapterChecks.Verdict someBlue = ChapterChecks.judge("4-serviceconnect", graph(front, color), Optional.of(split(3, 27)));
        assertThat(someBlue.passed()).isFalse();
        assertThat(someBlue.explanation()).contains("27 of 30 answers were green");
        ServiceNode lonelyFront = ServiceNode.of(1, "front", "AWS::ECS::Container", SOME, List.of());
        assertThat(ChapterChecks.judge("4-serviceconnect", graph(lonelyFront, color), Optional.of(split(0, 30))).explanation())
                .contains("front calling color").contains("(t)");
        ServiceNode proxy = ServiceNode.of(3, "howto/front", ChapterChecks.PROXY_TYPE, SOME, List.of());
        ChapterChecks.Verdict proxyLeft = ChapterChecks.judge("4-serviceconnect", graph(front, color, proxy),
                Optional.of(split(0, 30)));
        assertThat(proxyLeft.passed()).isFalse();
        assertThat(proxyLeft.explanation()).contains("check again in a minute");
        assertThat(ChapterChecks.judge("4-serviceconnect", graph(front, color), Optional.of(split(0, 5))).explanation())
                .contains("at least 20");
    }

    @Test
    void chapterFivePassesOnACanaryWindowThenOnlyBlue() {
        ChapterChecks.Verdict v = canary(windows(0, 0, 0.5, 0.45, 1, 1));
        assertThat(v.passed()).isTrue();
        assertThat(v.explanation()).contains("50% blue");
    }

    @Test
    void chapterFivePassesOnBlueThenOnlyGreenAfterARollback() {
        assertThat(canary(windows(0, 0.35, 0.4, 0, 0)).passed()).isTrue();
    }

    @Test
    void chapterFiveJudgesTheCanaryWindowAgainstTheDeployedCanaryPercent() {
        CheckEvidence tenPercent = new CheckEvidence("5-canary", java.util.Map.of("CanaryPercent", "10"),
                java.util.Map.of(), List.of(), 0, java.util.Map.of(), java.util.Map.of());
        ChapterChecks.Verdict ten = ChapterChecks.judge("5-canary", graph(), Optional.empty(),
                windows(0, 0.1, 0.1, 1, 1), tenPercent);
        assertThat(ten.passed()).as(ten.explanation()).isTrue();
        assertThat(ten.explanation()).contains("10% blue (CanaryPercent 10)");
        assertThat(canary(windows(0, 0.1, 0.1, 1, 1)).passed()).as("10% is no 50% canary").isFalse();
        assertThat(ChapterChecks.judge("5-canary", graph(), Optional.empty(), windows(0, 0.5, 1), tenPercent).passed())
                .as("a 50% window is no 10% canary").isFalse();
        ChapterChecks.Verdict underWay = ChapterChecks.judge("5-canary", graph(), Optional.empty(),
                windows(0.5, 0.5, 0, 0, 0.1, 0.9), tenPercent);
        assertThat(underWay.passed()).as("chapter 3's blue, chapter 4's green, then a canary ending: no rollback")
                .isFalse();
        assertThat(underWay.explanation()).contains("not ended yet");
    }

    @Test
    void chapterFiveSaysWhatIsMissing() {
        assertThat(canary(ShareTimeline.empty()).explanation()).contains("traffic loop (t)");
        assertThat(canary(windows(0, 0, 0)).explanation()).contains("only green").contains("chapter 5 (d)");
        assertThat(canary(windows(0, 0.5, 0.55)).explanation()).contains("not ended yet").contains("blue 55%");
        ChapterChecks.Verdict missed = canary(windows(1, 1));
        assertThat(missed.passed()).isFalse();
        assertThat(missed.explanation()).contains("no window of about 50% blue");
        assertThat(canary(windows(0, 0.9, 1)).passed()).isFalse();
    }
}
