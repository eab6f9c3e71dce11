package dev.meshwalk.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.googlecode.lanterna.input.KeyType;

import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.DeployOrder;
import dev.meshwalk.facts.EcsDeployment;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Mark;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.ResourcePhase;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Target;
import dev.meshwalk.core.TrafficAnswer;
import dev.meshwalk.core.TrafficSample;
import dev.meshwalk.testing.Golden;

/**
 * Chapter 5's panes during a canary, at the smallest supported size (80x24) and a large one (160x45), character for
 * character against golden files under src/test/resources/screen-golden (update with {@code -Dgolden.update=true}):
 * the deploy pane with the ECS deployment's phases under CloudFormation's rows, the traffic pane with the shares'
 * time line, and the chapter's check verdict, too long for the status bar, wrapped above it.
 */
class CanaryScreensTest {

    private static final Path DIR = Path.of("src", "test", "resources", "screen-golden");
    private static final ChapterCatalog CATALOG = ChapterCatalog.packaged();
    private static final String ALARM = "howto-ecs-basics-color-5xx";

    private final LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();

    private VirtualScreen open(String size) throws Exception {
        String[] wh = size.split("x");
        State initial = State.initial(CATALOG.chapters(), new Size(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])),
                true, Target.local(), "/home/learner/.local/state/meshwalk/meshwalk.log");
        VirtualScreen tui = VirtualScreen.open(initial, EffectRunner.none(), inbox, false);
        post(tui, new Msg.ProgressLoaded(Map.of("4-serviceconnect", Mark.DONE), null));
        tui.keys('5', KeyType.Enter);
        return tui;
    }

    private void post(VirtualScreen tui, Msg... msgs) throws Exception {
        inbox.addAll(List.of(msgs));
        tui.loop.step(0);
    }

    private static EcsDeployment canary(String status, String stage, double share, Duration left, String alarm) {
        return new EcsDeployment("howto-ecs-basics-color", status, stage, "CANARY", 50, 90, 10, OptionalDouble.of(share),
                3, 3, left == null ? Optional.empty() : Optional.of(Duration.ofSeconds(45)), Optional.ofNullable(left),
                "MONITORING", List.of(new EcsDeployment.Alarm(ALARM, alarm)), List.of(), null);
    }

    private static Msg resource(String id, String type, String status, ResourcePhase phase, long millis, int done) {
        return new Msg.DeployResourceChanged(Action.DEPLOY, id, type, status, phase, Duration.ofMillis(millis), null,
                done, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"80x24", "160x45"})
    void theDeployPaneShowsTheCanaryWhileCloudFormationWaits(String size) throws Exception {
        try (VirtualScreen tui = open(size)) {
            tui.keys('d');
            post(tui, new Msg.DeployStarted(DeployOrder.of("5-canary"), "meshwalk-howto-ecs-basics"),
                    new Msg.DeployStackChanged(Action.DEPLOY, "UPDATE_IN_PROGRESS", false, "User Initiated", Duration.ofMillis(1_500)),
                    resource("ColorTaskDefinition", "ECS::TaskDefinition", "UPDATE_COMPLETE", ResourcePhase.DONE, 1_600, 1),
                    resource("ColorErrorsAlarm", "CloudWatch::Alarm", "CREATE_COMPLETE", ResourcePhase.DONE, 1_600, 2),
                    resource("ColorService", "ECS::Service", "UPDATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 1_600, 2),
                    new Msg.EcsDeploymentChanged(Action.DEPLOY, canary("IN_PROGRESS", "SCALE_UP", 0, null, "OK"),
                            Duration.ofMillis(1_700)),
                    new Msg.EcsDeploymentChanged(Action.DEPLOY, canary("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 50,
                            Duration.ofMillis(21_300), "OK"), Duration.ofMillis(25_400)));
            Golden.assertMatches(DIR, "canary-deploy-" + size, tui.text());
            assertThat(tui.rows()).anyMatch(r -> r.contains("canary: 50% of the traffic on the new revision"))
                    .anyMatch(r -> r.contains("bake time left: about 25 s of 45 s"))
                    .anyMatch(r -> r.contains("alarm " + ALARM + ": OK"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"80x24", "160x45"})
    void theTrafficPaneDrawsTheSharesOverTime(String size) throws Exception {
        try (VirtualScreen tui = open(size)) {
            tui.keys('t');
            post(tui, new Msg.TrafficStarted("http://127.0.0.2", Duration.ofMillis(500)));
            long blue = 0;
            for (int n = 1; n <= 130; n++) {
                String color = n <= 60 ? "green" : n % 2 == 0 ? "blue" : "green";
                blue += color.equals("blue") ? 1 : 0;
                inbox.add(new Msg.TrafficAnswered(new TrafficAnswer(n, OptionalInt.of(200), Optional.of(color),
                        Optional.empty(), Duration.ofMillis(4), "")));
            }
            post(tui, new Msg.TrafficSampled(new TrafficSample(130, 130, Map.of("blue", blue, "green", 130 - blue),
                    Map.of("blue", blue / 130.0, "green", (130 - blue) / 130.0), Map.of("blue", 0.27, "green", 0.73), 2.0,
                    Duration.ofMillis(4), Duration.ofMillis(11), List.of(), Duration.ofMillis(500), true)),
                    new Msg.RunningChanged(true));
            Golden.assertMatches(DIR, "canary-traffic-" + size, tui.text());
            assertThat(tui.rows()).anyMatch(r -> r.contains("Shares over time"))
                    .anyMatch(r -> r.contains("  blue     ···▄▄▄▄"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"80x24", "160x45"})
    void aLongCheckVerdictWrapsAboveTheStatusBar(String size) throws Exception {
        try (VirtualScreen tui = open(size)) {
            String verdict = "the deployment has not ended yet (last 20 answers: blue 50%, green 50%, 0 failed): keep the"
                    + " traffic loop (t) running and check again after the bake time.";
            post(tui, new Msg.CheckResult("5-canary", false, verdict));
            Golden.assertMatches(DIR, "canary-check-" + size, tui.text());
            String shown = String.join(" ", tui.rows()).replaceAll("\\s+", " ");
            assertThat(shown).as("the whole verdict is on screen").contains("Check not passed yet: " + verdict);
        }
    }
}
