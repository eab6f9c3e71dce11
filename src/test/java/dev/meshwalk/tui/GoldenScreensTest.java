package dev.meshwalk.tui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.input.KeyType;

import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.content.LessonSource;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.DeployOrder;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Mark;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.ResourcePhase;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Status;
import dev.meshwalk.core.Target;
import dev.meshwalk.core.TeardownItem;
import dev.meshwalk.core.TrafficAnswer;
import dev.meshwalk.core.TrafficSample;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceGraphReader;
import dev.meshwalk.testing.Golden;

/**
 * The main screens at the smallest supported size (80x24), character for character, against golden files under
 * src/test/resources/screen-golden (update with {@code -Dgolden.update=true}, then read the diff). Each screen is
 * reached as a learner reaches it: keys and the Msgs the effects would post, through the real UI loop and
 * {@code Update}, so a misaligned column or a cut line fails here.
 */
class GoldenScreensTest {

    private static final Path DIR = Path.of("src", "test", "resources", "screen-golden");
    private static final ChapterCatalog CATALOG = ChapterCatalog.load(LessonSource.classpath("lessons-fixture"));

    private final LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
    private VirtualScreen tui;

    @BeforeEach
    void open() throws Exception {
        State initial = State.initial(CATALOG.chapters(), new Size(80, 24), true, Target.local(),
                "/home/learner/.local/state/meshwalk/meshwalk.log");
        tui = VirtualScreen.open(initial, EffectRunner.none(), inbox, false);
        post(new Msg.ProgressLoaded(Map.of("0-prelude", Mark.DONE, "1-servicediscovery", Mark.DEPLOYED), null));
    }

    @AfterEach
    void close() throws IOException {
        tui.close();
    }

    private void post(Msg... msgs) throws Exception {
        inbox.addAll(List.of(msgs));
        tui.loop.step(0);
    }

    private void assertScreen(String name) {
        Golden.assertMatches(DIR, name, tui.text());
    }

    @Test
    void chapterList() throws Exception {
        tui.keys(KeyType.ArrowDown, KeyType.ArrowDown);
        assertScreen("chapter-list");
    }

    @Test
    void lesson() throws Exception {
        tui.keys('3', KeyType.Enter, 'j', 'j');
        assertScreen("lesson");
    }

    @Test
    void deployInProgress() throws Exception {
        tui.keys('0', KeyType.Enter, 'd');
        post(deployStarted());
        assertScreen("deploy-in-progress");
    }

    @Test
    void deployDone() throws Exception {
        tui.keys('0', KeyType.Enter, 'd');
        post(deployStarted());
        post(resource("FrontService", "ECS::Service", "CREATE_COMPLETE", ResourcePhase.DONE, 31_400, 3, 3),
                new Msg.DeployStackChanged(Action.DEPLOY, "CREATE_COMPLETE", false, null, Duration.ofMillis(32_100)),
                new Msg.DeployEnded(Action.DEPLOY, true, "meshwalk-howto-ecs-basics", "CREATE_COMPLETE",
                        Duration.ofMillis(32_100), List.of(), Map.of("FrontEndpoint", "http://127.0.0.2:8080")),
                new Msg.DeployConcluded(DeployOrder.of("0-prelude"), true, "CREATE_COMPLETE"));
        assertScreen("deploy-done");
    }

    private static Msg[] deployStarted() {
        return new Msg[] {
            new Msg.DeployStarted(DeployOrder.of("0-prelude"), "meshwalk-howto-ecs-basics"),
            new Msg.DeployStackChanged(Action.DEPLOY, "CREATE_IN_PROGRESS", false, "User Initiated", Duration.ofMillis(300)),
            resource("Cluster", "ECS::Cluster", "CREATE_COMPLETE", ResourcePhase.DONE, 1_200, 1, 3),
            resource("ColorService", "ECS::Service", "CREATE_COMPLETE", ResourcePhase.DONE, 18_700, 2, 3),
            resource("FrontService", "ECS::Service", "CREATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 20_500, 2, 3)};
    }

    private static Msg resource(String id, String type, String status, ResourcePhase phase, long millis, int done,
            int total) {
        return new Msg.DeployResourceChanged(Action.DEPLOY, id, type, status, phase, Duration.ofMillis(millis), null,
                done, total);
    }

    @Test
    void traffic() throws Exception {
        tui.keys('3', KeyType.Enter, 't');
        post(new Msg.TrafficStarted("http://127.0.0.2:8080", Duration.ofMillis(500)),
                new Msg.TrafficAnswered(new TrafficAnswer(40, OptionalInt.of(200), Optional.of("blue"), Optional.empty(),
                        Duration.ofMillis(3), "")),
                new Msg.TrafficSampled(new TrafficSample(40, 39, Map.of("blue", 21L, "green", 18L),
                        Map.of("blue", 0.54, "green", 0.46), Map.of("blue", 0.5, "green", 0.5), 2.0,
                        Duration.ofMillis(3), Duration.ofMillis(9), List.of(), Duration.ofMillis(500), true)),
                new Msg.RunningChanged(true));
        assertScreen("traffic");
    }

    @Test
    void serviceMap() throws Exception {
        tui.keys('0', KeyType.Enter, 'm');
        ServiceGraph graph;
        try (var in = getClass().getResourceAsStream("/graph-fixtures/xray-graph-a.json")) {
            graph = new ServiceGraphReader().read(in);
        }
        post(new Msg.GraphLoaded(graph));
        assertScreen("map");
    }

    @Test
    void teardownMenu() throws Exception {
        tui.keys('x');
        post(new Msg.TeardownListed(List.of(
                new TeardownItem("CloudFormation stack", "meshwalk-howto-ecs-basics", "CREATE_COMPLETE, chapter 3-routing", true),
                new TeardownItem("CloudWatch dashboard", "meshwalk-howto-ecs-basics-front-node", "exists", true),
                new TeardownItem("CloudWatch dashboard", "meshwalk-howto-ecs-basics-color-node", "exists", true)),
                List.of()));
        tui.keys(KeyType.ArrowDown, ' ');
        assertScreen("teardown-menu");
    }

    @Test
    void helpInALesson() throws Exception {
        tui.keys('2', KeyType.Enter, '?');
        assertScreen("help-lesson");
    }

    @Test
    void helpInTheMapPane() throws Exception {
        tui.keys('2', KeyType.Enter, 'm', '?');
        assertScreen("help-map");
    }
}
