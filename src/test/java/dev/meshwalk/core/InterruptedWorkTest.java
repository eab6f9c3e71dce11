package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

class InterruptedWorkTest {

    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "0-prelude", "Prelude", "stacks/0-prelude.yaml", "# Prelude\n\nShort.", null));
    private static final TeardownItem STACK = new TeardownItem("CloudFormation stack", "meshwalk-howto-ecs-basics",
            "CREATE_COMPLETE", true);

    private static State after(Msg... msgs) {
        State s = State.initial(CHAPTERS, new Size(100, 30), true, Target.local(), "/tmp/log");
        for (Msg m : msgs) {
            s = Update.apply(s, m).state();
        }
        return s;
    }

    @Test
    void nothingRunningNeedsNoNote() {
        assertThat(InterruptedWork.note(after())).isEmpty();
    }

    @Test
    void aRunningDeploySaysCloudFormationCarriesOnAndHowToGoOn() {
        State deploying = after(new Msg.DeployStarted(DeployOrder.of("0-prelude"), "meshwalk-howto-ecs-basics"));

        assertThat(String.join("\n", InterruptedWork.note(deploying)))
                .contains("Interrupted during a deploy", "carries on without us", "status", "deploy the chapter again",
                        "teardown");
    }

    @Test
    void anEndedDeployNeedsNoNote() {
        State ended = after(new Msg.DeployStarted(DeployOrder.of("0-prelude"), "meshwalk-howto-ecs-basics"),
                new Msg.DeployEnded(Action.DEPLOY, true, "meshwalk-howto-ecs-basics", "CREATE_COMPLETE",
                        Duration.ofSeconds(2), List.of(), Map.of()),
                new Msg.DeployConcluded(DeployOrder.of("0-prelude"), true, "CREATE_COMPLETE"));

        assertThat(InterruptedWork.note(ended)).isEmpty();
    }

    @Test
    void aRunningTeardownSaysHowToFinishIt() {
        State tearingDown = after(new Msg.TeardownStarted(List.of(STACK), true));

        assertThat(String.join("\n", InterruptedWork.note(tearingDown)))
                .contains("Interrupted during a teardown", "finish and check that nothing is left: teardown");
    }

    @Test
    void theQuitQuestionNamesWhatStillRuns() {
        Msg traffic = new Msg.TrafficStarted("http://127.0.0.2", Duration.ofMillis(500));
        Msg deploy = new Msg.DeployStarted(DeployOrder.of("0-prelude"), "meshwalk-howto-ecs-basics");

        assertThat(InterruptedWork.stillRunning(after(traffic))).isEqualTo("Still running: the traffic loop.");
        assertThat(InterruptedWork.stillRunning(after(deploy, traffic)))
                .isEqualTo("Still running: a deploy and the traffic loop.");
        assertThat(InterruptedWork.stillRunning(after(new Msg.TeardownStarted(List.of(STACK), true))))
                .isEqualTo("Still running: a teardown.");
        assertThat(InterruptedWork.stillRunning(after(traffic, new Msg.TrafficSampled(TrafficSample.none(Duration.ofMillis(500), false)))))
                .as("a stopped loop is not named").isEqualTo("Something is still running.");
    }
}
