package dev.meshwalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 from the full-screen side: a chapter deployed in the TUI (the packaged jar in tmux, fresh home) is seen,
 * while the TUI still runs, by a scripted {@code status} and by line mode's {@code traffic} in another "terminal",
 * because all three use the one local cloud of the learner's state directory (the address in the status bar). Quitting
 * the TUI with the stack deployed asks, the default leaves that local cloud running for later commands, and a scripted
 * {@code teardown} then deletes the stack and stops it. The other way round, a scripted {@code deploy} is seen by the TUI
 * (same address in the status bar, the chapter marked deployed, its traffic answered), and answering "y" on quit stops
 * the local cloud. Gated like every tmux test ({@link TmuxTerminal#requireInCiElseSkip}).
 */
@Tag("integration")
class SharedCloudInTmuxIT {

    private static final Duration DEPLOY = Duration.ofSeconds(120);
    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final Pattern ENDPOINT = Pattern.compile("LOCAL (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern FRONT = Pattern.compile("FrontEndpoint = (http://[0-9.:]+)");
    private static final String STACK = "meshwalk-howto-ecs-basics";

    @TempDir
    Path home;

    private LearnerHome learner;
    private TmuxTerminal tmux;

    @BeforeEach
    void tmuxAndTheJarAreThere() {
        TmuxTerminal.requireInCiElseSkip();
        assertThat(LearnerHome.JAR).as("the packaged jar (mvn package builds it before the integration tests)").exists();
        learner = new LearnerHome(home);
    }

    @AfterEach
    void nothingOfOursKeepsRunning() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        if (learner != null) {
            learner.stopEverythingStarted();
        }
    }

    @Test
    void aChapterDeployedInTheTuiIsSeenByScriptedStatusAndLineModeAndOutlivesTheTui() throws Exception {
        tmux = TmuxTerminal.start("meshwalk-onecloud", 100, 30, learner.environment(),
                List.of(LearnerHome.java(), "-jar", LearnerHome.JAR.toAbsolutePath().toString()));
        tmux.waitForText("Chapters", SHORT);
        String cloud = tmux.waitForMatch(ENDPOINT, Duration.ofSeconds(90)).group(1);

        tmux.press("0", "Enter");
        tmux.waitForText("Chapter 0/5: Prelude", SHORT);
        tmux.press("d");
        tmux.waitFor("the change set question", DEPLOY, s -> s.contains("Deploy these changes"), SharedCloudInTmuxIT::failed);
        tmux.press("y");
        String shown = tmux.waitFor("CREATE_COMPLETE and the front endpoint", DEPLOY,
                s -> s.contains("CREATE_COMPLETE in") && FRONT.matcher(s).find(), SharedCloudInTmuxIT::failed);
        Matcher m = FRONT.matcher(shown);
        m.find();
        String front = m.group(1);

        LearnerHome.Cloud shared = learner.cloud();
        assertThat(shared.endpoint()).as("the local cloud `status` finds is the TUI's").isEqualTo(cloud);
        LearnerHome.Run status = learner.run("status");
        assertThat(status.output()).contains("Stack:       " + STACK + " CREATE_COMPLETE")
                .contains("Chapter:     0-prelude").contains("Endpoint:    " + front);

        LearnerHome.Run line = learner.runWithInput("traffic 5\nquit\n", "--plain");
        assertThat(line.output()).as("line mode's traffic against the TUI's stack").contains("green")
                .doesNotContain("Nothing is deployed");

        tmux.press("q");
        tmux.waitFor("the question whether to stop the local cloud", SHORT, s -> {
            if (s.contains("Quit anyway?")) {
                tmux.press("y");
            }
            return s.contains("Stop it now");
        });
        tmux.press("Enter"); // the default: leave it running
        assertThat(tmux.waitForExit(SHORT)).as("the TUI's exit status").isZero();
        assertThat(tmux.history()).contains("Stop it later with: java -jar target/tutorial.jar localcloud stop");
        Thread.sleep(2_000); // a local cloud that went down with the TUI's terminal would be gone by now
        assertThat(LearnerHome.alive(shared.pid())).as("the local cloud after the TUI quit (left running)").isTrue();
        assertThat(learner.run("status").output()).contains("running at " + cloud)
                .contains("Stack:       " + STACK + " CREATE_COMPLETE");

        LearnerHome.Run teardown = learner.run("teardown", "--yes");
        assertThat(teardown.code()).as(teardown.output()).isZero();
        assertThat(teardown.output()).contains("Verified: nothing");
        assertThat(LearnerHome.gone(shared.pid(), Duration.ofSeconds(20))).as("teardown stops the local cloud").isTrue();
    }

    @Test
    void aScriptedDeployIsSeenByTheTuiOnTheSameLocalCloud() throws Exception {
        LearnerHome.Run deploy = learner.run("deploy", "1", "--yes");
        assertThat(deploy.code()).as(deploy.output()).isZero();
        LearnerHome.Cloud shared = learner.cloud();

        tmux = TmuxTerminal.start("meshwalk-onecloud", 100, 30, learner.environment(),
                List.of(LearnerHome.java(), "-jar", LearnerHome.JAR.toAbsolutePath().toString()));
        tmux.waitForText("Chapters", SHORT);
        assertThat(tmux.waitForMatch(ENDPOINT, Duration.ofSeconds(90)).group(1)).as("the TUI's local cloud")
                .isEqualTo(shared.endpoint());
        tmux.waitFor("chapter 1 marked deployed", SHORT,
                s -> s.lines().anyMatch(l -> l.contains("Service discovery") && l.contains("deployed")));
        tmux.press("1", "Enter");
        tmux.waitForText("Chapter 1/5", SHORT);
        tmux.press("t");
        tmux.waitFor("green answers from the scripted deploy's stack", SHORT,
                s -> s.contains("green") && s.contains("% observed"));

        tmux.press("q");
        tmux.waitFor("the question whether to stop the local cloud", SHORT, s -> {
            if (s.contains("Quit anyway?")) {
                tmux.press("y");
            }
            return s.contains("Stop it now");
        });
        tmux.press("y", "Enter"); // this time: stop it (its stacks stay saved)
        assertThat(tmux.waitForExit(SHORT)).as("the TUI's exit status").isZero();
        assertThat(LearnerHome.gone(shared.pid(), Duration.ofSeconds(20))).as("the local cloud stopped on quit").isTrue();
        assertThat(learner.run("localcloud", "status").output()).startsWith("not running");
    }

    private static Optional<String> failed(String screen) {
        return screen.contains("_FAILED") || screen.contains("ROLLBACK")
                ? Optional.of("the deploy failed or rolled back") : Optional.empty();
    }
}
