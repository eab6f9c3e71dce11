package dev.meshwalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real canary on the embedded local cloud, watched in the packaged jar in tmux at 80x24 and at 160x45: chapter 4
 * deployed, the traffic loop started, chapter 5 deployed over it. While CloudFormation waits on the color service
 * the deploy pane shows the canary's phase, its bake time left and the alarm; the traffic pane draws the shares over
 * time; the deployment ends completed with only blue answering. Like {@link TutorialInTmuxIT}, tmux is required in
 * CI and skipped elsewhere when missing.
 */
@Tag("integration")
class CanaryInTmuxIT {

    private static final Path JAR = Path.of("target", "tutorial.jar");
    private static final Duration DEPLOY = Duration.ofSeconds(120);
    private static final Duration SHORT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @BeforeEach
    void tmuxAndTheJarAreThere() {
        TmuxTerminal.requireInCiElseSkip();
        assertThat(JAR).as("the packaged jar (mvn package builds it before the integration tests)").exists();
    }

    @ParameterizedTest
    @CsvSource({"80,24", "160,45"})
    void aCanaryIsWatchedInTheDeployAndTrafficPanes(int cols, int rows) throws Exception {
        Map<String, String> env = new TreeMap<>(Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString(), "XDG_STATE_HOME", home.resolve(".local/state").toString(),
                "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (TmuxTerminal tmux = TmuxTerminal.start("meshwalk-canary", cols, rows, env,
                List.of(java, "-jar", JAR.toAbsolutePath().toString(), "--chapter", "4"))) {
            tmux.waitFor("chapter 4's lesson", SHORT, s -> s.contains("Chapter 4/5")
                    || s.matches("(?s).*Service Connect\\s*\\n\\s*═+.*")); // the title bar has no room at 80 columns
            tmux.press("d");
            tmux.waitFor("chapter 4's change set", DEPLOY, s -> s.contains("Deploy these changes"));
            tmux.press("y");
            tmux.waitFor("chapter 4 deployed", DEPLOY, s -> s.contains("CREATE_COMPLETE in"));
            tmux.press("t");
            tmux.waitForText("% observed", SHORT);

            tmux.press("5");
            tmux.waitFor("chapter 5's lesson", SHORT, s -> s.contains("Chapter 5/5")
                    || s.matches("(?s).*Canary\\s*\\n\\s*═+.*"));
            tmux.press("d");
            tmux.waitFor("chapter 5's change set", DEPLOY, s -> s.contains("Deploy these changes"));
            tmux.press("y");
            // the alarm starts INSUFFICIENT_DATA until its first evaluation, so wait for OK with the phase
            String canary = tmux.waitFor("the canary phase and the alarm's first state in the deploy pane", DEPLOY,
                    s -> s.contains("canary: 50% of the traffic on the new revision") && s.contains("bake time left: about")
                            && s.matches("(?s).*alarm \\S+-color-5xx: OK.*"));
            assertThat(canary).as(tmux.framed(canary)).contains("ECS deployment of").contains("UPDATE_IN_PROGRESS")
                    .containsPattern("alarm \\S+-color-5xx: OK");

            tmux.press("t");
            String shares = tmux.waitFor("blue in the time line", SHORT,
                    s -> s.contains("Shares over time") && s.matches("(?s).*\\bblue +[·▁▂▃▄▅▆▇█]*[▂▃▄▅▆].*"));
            assertThat(shares).as(tmux.framed(shares)).contains("green");

            tmux.press("d");
            String done = tmux.waitFor("the canary completed", DEPLOY,
                    s -> s.contains("completed: the new revision serves all traffic") && s.contains("UPDATE_COMPLETE in"));
            assertThat(done).as(tmux.framed(done)).doesNotContain("rolled back");
            tmux.press("t");
            String after = tmux.waitFor("only blue in the newest column", DEPLOY,
                    s -> s.matches("(?s).*\\bgreen +[·▁▂▃▄▅▆▇█]*·\\s.*"));
            assertThat(after).as(tmux.framed(after)).contains("Shares over time");

            // Quit as a learner does: the traffic loop runs, so the TUI asks; then, with chapter 5 still deployed,
            // the terminal asks whether to stop the background local cloud: stop it, so nothing outlives the test
            tmux.press("q", "y");
            tmux.waitForText("Stop it now", SHORT);
            tmux.press("y", "Enter");
            assertThat(tmux.waitForExit(DEPLOY)).as("exit status after stopping the local cloud").isZero();
        }
    }
}
