package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

/**
 * Break it in the core: the B key asks for a stopped color task only while the traffic loop runs (otherwise it
 * starts the loop first), the stop is marked on the traffic pane among the answers, failures since the stop are
 * counted from that moment, and ECS's replacement is shown with its time.
 */
class BreakItUpdateTest {

    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "0-prelude", "Prelude", "stacks/0-prelude.yaml", "# Prelude\n\nShort.", null),
            new Chapter(1, "1-servicediscovery", "Service discovery", "stacks/1-servicediscovery.yaml", "# SD\n", null));

    private static State send(State s, Msg... msgs) {
        for (Msg m : msgs) {
            s = Update.apply(s, m).state();
        }
        return s;
    }

    private static State inTrafficPaneOfChapterOne() {
        State s = State.initial(CHAPTERS, new Size(100, 30), false, Target.local(), "/tmp/log");
        return send(s, new Msg.OpenChapter(1), new Msg.ShowAction(Action.TRAFFIC));
    }

    private static Msg answer(long seq, boolean ok) {
        return new Msg.TrafficAnswered(new TrafficAnswer(seq, ok ? OptionalInt.of(200) : OptionalInt.empty(),
                ok ? Optional.of("green") : Optional.empty(), ok ? Optional.empty() : Optional.of("refused"),
                Duration.ofMillis(5), ok ? "" : "connection refused"));
    }

    private static Msg sample(long requests, long succeeded) {
        return new Msg.TrafficSampled(new TrafficSample(requests, succeeded, Map.of("green", succeeded),
                Map.of("green", 1.0), Map.of(), 2, Duration.ofMillis(5), Duration.ofMillis(9),
                requests == succeeded ? List.of() : List.of(new TrafficSample.ErrorCount("refused", requests - succeeded,
                        "nothing listened")), Duration.ofMillis(500), true));
    }

    @Test
    void withoutARunningLoopBStartsTheLoopFirstAndStopsNothing() {
        Next next = Update.apply(inTrafficPaneOfChapterOne(), new Msg.KeyPressed(Key.ch('B')));

        assertThat(next.effects()).containsExactly(new Effect.ToggleTraffic());
        assertThat(next.state().notice()).contains("press B again");
    }

    @Test
    void underARunningLoopBStopsAColorTaskAndThePaneMarksTheMomentThenTheRecovery() {
        State s = send(inTrafficPaneOfChapterOne(), new Msg.TrafficStarted("http://front", Duration.ofMillis(500)),
                answer(1, true), answer(2, true), sample(2, 2));

        Next pressed = Update.apply(s, new Msg.KeyPressed(Key.ch('B')));
        assertThat(pressed.effects()).containsExactly(new Effect.StopColorTask());
        assertThat(pressed.state().focused()).isEqualTo(Action.TRAFFIC);

        s = send(pressed.state(), new Msg.ColorTaskStopped("color-svc", "0123456789abcdef", 3),
                answer(3, false), answer(4, true), sample(4, 3));
        List<String> lines = BoardText.pane(s.actions().get(Action.TRAFFIC), false);
        assertThat(lines).contains("Break it: color task 01234567 stopped (ECS StopTask on color-svc).")
                .as("chapter 1's architecture: DNS caching").anyMatch(l -> l.contains("TTL runs out"))
                .contains("  [X] since the stop: 2 requests, 1 failed (50.0%)")
                .anyMatch(l -> l.contains("starts a replacement"));
        int marker = lines.indexOf("  -- color task 01234567 stopped here --");
        assertThat(lines.get(marker - 1)).as("the answer after the stop is above the marker").contains("#3");
        assertThat(lines.get(marker + 1)).as("the last answer before the stop is below it").contains("#2");
        assertThat(Update.apply(s, new Msg.KeyPressed(Key.ch('B'))).effects())
                .as("no second stop while ECS is still replacing the first").isEmpty();

        s = send(s, new Msg.ColorTaskReplaced(Duration.ofMillis(2100), 3, 3));
        assertThat(BoardText.pane(s.actions().get(Action.TRAFFIC), false))
                .anyMatch(l -> l.contains("back to 3 of 3 running tasks 2.1 s after the stop."));
    }

    @Test
    void bFromTheMapPaneStopsTheMapsRefreshAndATaskAndShowsTheTrafficPane() {
        State inMap = send(inTrafficPaneOfChapterOne(), new Msg.TrafficStarted("http://front", Duration.ofMillis(500)),
                answer(1, true), sample(1, 1), new Msg.ShowAction(Action.MAP));
        assertThat(inMap.focused()).isEqualTo(Action.MAP);

        Next pressed = Update.apply(inMap, new Msg.KeyPressed(Key.ch('B')));

        assertThat(pressed.effects()).containsExactly(new Effect.StopGraphRefresh(), new Effect.StopColorTask());
        assertThat(pressed.state().focused()).isEqualTo(Action.TRAFFIC);
    }

    @Test
    void aDeployEndsTheStopsAccountSoItsErrorsAreNotCountedUnderTheOldExpectation() {
        State s = send(inTrafficPaneOfChapterOne(), new Msg.TrafficStarted("http://front", Duration.ofMillis(500)),
                answer(1, true), sample(1, 1), new Msg.ColorTaskStopped("color-svc", "0123456789abcdef", 3),
                answer(2, true), sample(2, 2));
        assertThat(BoardText.pane(s.actions().get(Action.TRAFFIC), false)).anyMatch(l -> l.startsWith("Break it:"));

        s = send(s, new Msg.DeployStarted(DeployOrder.of("1-servicediscovery"), "meshwalk-howto"), answer(3, false),
                sample(3, 2));
        assertThat(BoardText.pane(s.actions().get(Action.TRAFFIC), false))
                .noneMatch(l -> l.startsWith("Break it:") || l.contains("since the stop"))
                .anyMatch(l -> l.contains("3 requests, 2 ok, 1 failed"));
    }

    @Test
    void aStopThatFailsIsSaidAsANotice() {
        State s = send(inTrafficPaneOfChapterOne(), new Msg.BreakItFailed("The stack has no color service yet."));

        assertThat(s.notice()).isEqualTo("Break it: The stack has no color service yet.");
    }
}
