package dev.meshwalk.core;

import dev.meshwalk.facts.EcsDeployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

/**
 * How the ECS deployment facts of chapter 5's canary fold into the deploy pane's board and the words the pane (and
 * line mode, and the scripted {@code deploy}) shows: one line per phase, the bake time left while it runs, the
 * alarm, and a rollback with its reason.
 */
class EcsDeploymentBoardTest {

    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "5-canary", "Canary", "stacks/5-canary.yaml", "# Canary\n\nShort.", null));
    private static final String ALARM = "meshwalk-color-5xx";

    static EcsDeployment canary(String status, String stage, double share, Duration left, String alarmState,
            List<String> triggered, String reason) {
        Optional<Duration> length = left == null ? Optional.empty()
                : Optional.of("BAKE_TIME".equals(stage) ? Duration.ofSeconds(5) : Duration.ofSeconds(45));
        return new EcsDeployment("meshwalk-color", status, stage, "CANARY", 50, 90, 10, OptionalDouble.of(share), 3, 3,
                length, Optional.ofNullable(left), triggered.isEmpty() ? "MONITORING" : "TRIGGERED",
                List.of(new EcsDeployment.Alarm(ALARM, alarmState)), triggered, reason);
    }

    private static State deploying() {
        State s = State.initial(CHAPTERS, new Size(100, 30), true, Target.local(), "/tmp/log");
        return Update.apply(s, new Msg.DeployStarted(DeployOrder.of("5-canary"), "meshwalk")).state();
    }

    private static State send(State s, long millis, EcsDeployment d) {
        return Update.apply(s, new Msg.EcsDeploymentChanged(Action.DEPLOY, d, Duration.ofMillis(millis))).state();
    }

    private static List<String> lines(State s) {
        return BoardText.pane(s.actions().get(Action.DEPLOY), true);
    }

    @Test
    void aSuccessfulCanaryReadsAsItsPhasesWithTheBakeTimeLeftWhileItRuns() {
        State s = deploying();
        s = send(s, 4_000, canary("IN_PROGRESS", "SCALE_UP", 0, null, "OK", List.of(), null));
        s = send(s, 9_000, canary("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 50, Duration.ofMillis(44_100), "OK", List.of(), null));
        assertThat(lines(s)).containsSubsequence(
                "ECS deployment of meshwalk-color: canary 50% for 90 min, then 100%",
                "    4.0 s ◌ new revision starting (3 tasks), no traffic yet",
                "    9.0 s ◌ canary: 50% of the traffic on the new revision",
                "            bake time left: about 45 s of 45 s",
                "            alarm meshwalk-color-5xx: OK (in ALARM, ECS rolls back)");

        s = send(s, 30_000, canary("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 50, Duration.ofMillis(23_000), "OK", List.of(), null));
        assertThat(lines(s)).as("a poll in the same phase moves only the countdown, in 5 s steps")
                .contains("            bake time left: about 25 s of 45 s")
                .doesNotContain("            bake time left: about 45 s of 45 s")
                .filteredOn(l -> l.contains("canary: 50%")).hasSize(1);

        s = send(s, 54_000, canary("IN_PROGRESS", "BAKE_TIME", 100, Duration.ofSeconds(5), "OK", List.of(), null));
        s = send(s, 60_000, canary("SUCCESSFUL", "CLEAN_UP", 100, null, "OK", List.of(), null));
        assertThat(lines(s)).containsSubsequence(
                "   54.0 s ◌ all traffic on the new revision; the old one waits out the bake",
                "   60.0 s ✓ completed: the new revision serves all traffic")
                .noneMatch(l -> l.contains("bake time left"));
    }

    @Test
    void anAlarmRollbackSaysWhichAlarmAndWhy() {
        State s = deploying();
        s = send(s, 9_000, canary("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 50, Duration.ofSeconds(40), "OK", List.of(), null));
        s = send(s, 20_000, canary("ROLLBACK_IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 50, null, "ALARM", List.of(ALARM),
                "Alarm meshwalk-color-5xx in ALARM state"));
        s = send(s, 24_000, canary("ROLLBACK_SUCCESSFUL", "CLEAN_UP", 0, null, "ALARM", List.of(ALARM),
                "Alarm meshwalk-color-5xx in ALARM state"));
        assertThat(lines(s)).containsSubsequence(
                "   20.0 s ! rolling back to the previous revision",
                "            Alarm meshwalk-color-5xx in ALARM state",
                "   24.0 s ! rolled back: the previous revision serves all traffic",
                "            Alarm meshwalk-color-5xx in ALARM state",
                "            alarm meshwalk-color-5xx: ALARM, rolled the deployment back");
    }

    @Test
    void aRepeatedPollChangesNothingAndAnEndedOperationTakesNoMore() {
        State s = send(deploying(), 9_000, canary("IN_PROGRESS", "SCALE_UP", 0, null, "OK", List.of(), null));
        assertThat(send(s, 9_500, canary("IN_PROGRESS", "SCALE_UP", 0, null, "OK", List.of(), null))).isEqualTo(s);
        State ended = Update.apply(s, new Msg.DeployEnded(Action.DEPLOY, true, "meshwalk", "UPDATE_COMPLETE",
                Duration.ofSeconds(70), List.of(), java.util.Map.of())).state();
        assertThat(send(ended, 71_000, canary("SUCCESSFUL", "CLEAN_UP", 100, null, "OK", List.of(), null))).isEqualTo(ended);
    }

    @Test
    void theCountdownRoundsUpToAStepThatSuitsThePhase() {
        assertThat(EcsDeploymentText.roundUp(Duration.ofMillis(40_001), Duration.ofSeconds(45))).hasSeconds(45);
        assertThat(EcsDeploymentText.roundUp(Duration.ZERO, Duration.ofSeconds(45))).hasSeconds(0);
        assertThat(EcsDeploymentText.span(EcsDeploymentText.roundUp(Duration.ofMinutes(61), Duration.ofMinutes(90))))
                .isEqualTo("65 min");
        assertThat(EcsDeploymentText.span(EcsDeploymentText.roundUp(Duration.ofSeconds(200), Duration.ofMinutes(10))))
                .isEqualTo("4 min");
    }
}
