package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

/**
 * The traffic pane's time line folds from the answers the loop reports (a repeated answer counts once), survives a
 * clear of front's history (the loop restarts on the same watch) but not a stop and start, and is drawn under the
 * color bars with fewer latest answers so both fit; the chapter's check ({@code V}) is judged on this time line.
 */
class TrafficTimelineBoardTest {

    private static final String ENDPOINT = "http://127.0.0.2:8080";

    private static State start() {
        State s = State.initial(List.of(new Chapter(0, "5-canary", "Canary", "stacks/5-canary.yaml", "# C\n\nx.", null)),
                new Size(100, 30), true, Target.local(), "/tmp/log");
        return send(s, new Msg.TrafficStarted(ENDPOINT, Duration.ofMillis(500)));
    }

    private static State send(State s, Msg... msgs) {
        for (Msg m : msgs) {
            s = Update.apply(s, m).state();
        }
        return s;
    }

    private static State answers(State s, long from, int count, String color) {
        for (long n = from; n < from + count; n++) {
            s = send(s, new Msg.TrafficAnswered(new TrafficAnswer(n, OptionalInt.of(200), Optional.of(color),
                    Optional.empty(), Duration.ofMillis(3), "")));
        }
        return s;
    }

    private static ShareTimeline timeline(State s) {
        return ((TrafficBoard) s.actions().get(Action.TRAFFIC).board()).timeline();
    }

    @Test
    void answersFoldIntoTheTimeLineOnceEach() {
        State s = answers(start(), 1, 20, "green");
        s = answers(s, 11, 10, "green"); // repeats of 11..20
        s = answers(s, 21, 20, "blue");
        assertThat(timeline(s).full()).extracting(w -> w.share("blue")).containsExactly(0.0, 1.0);
        assertThat(BoardText.pane(s.actions().get(Action.TRAFFIC), true)).containsSubsequence(
                "Shares over time, a column per 20 answers (~10 s), newest right:",
                "  blue     ·█",
                "  green    █·",
                "Latest answers:")
                .filteredOn(l -> l.startsWith("  ✓ #")).hasSize(3);
    }

    @Test
    void aClearKeepsTheTimeLineAStopAndStartBeginsAnew() {
        State s = answers(start(), 1, 20, "green");
        State cleared = send(s, new Msg.TrafficStarted(ENDPOINT, Duration.ofMillis(500)));
        assertThat(timeline(cleared)).isEqualTo(timeline(s));
        assertThat(((TrafficBoard) cleared.actions().get(Action.TRAFFIC).board()).recent()).isEmpty();

        State stopped = send(s, new Msg.TrafficSampled(TrafficSample.none(Duration.ofMillis(500), false)));
        State restarted = send(stopped, new Msg.TrafficStarted(ENDPOINT, Duration.ofMillis(500)));
        assertThat(timeline(restarted)).isEqualTo(ShareTimeline.empty());
    }

    private static final dev.meshwalk.graph.ServiceGraph NO_MAP = new dev.meshwalk.graph.ServiceGraph(null, List.of());

    @Test
    void theCheckIsJudgedOnThePanesTimeLine() {
        State s = answers(start(), 1, 20, "green");
        s = answers(answers(s, 21, 10, "blue"), 31, 10, "green");
        s = answers(s, 41, 20, "blue");
        s = answers(s, 45, 10, "blue"); // repeats: the pane counts them once, so must the check

        State checked = send(s, new Msg.CheckRead("5-canary", NO_MAP, CheckEvidence.none()));

        assertThat(checked.notice()).isEqualTo("Check passed: a canary window of 50% blue (CanaryPercent 50), then only blue"
                + " (3 windows of 20 answers).");
        assertThat(checked.mark("5-canary")).isEqualTo(Mark.DONE);
    }

    @Test
    void theCheckWithoutTrafficSaysToStartIt() {
        State s = State.initial(List.of(new Chapter(0, "5-canary", "Canary", "stacks/5-canary.yaml", "# C\n\nx.", null)),
                new Size(100, 30), true, Target.local(), "/tmp/log");

        State checked = send(s, new Msg.CheckRead("5-canary", NO_MAP, CheckEvidence.none()));

        assertThat(checked.notice()).startsWith("Check not passed yet: no traffic seen yet: start the traffic loop (t)");
        assertThat(checked.mark("5-canary")).isNotEqualTo(Mark.DONE);
    }
}
