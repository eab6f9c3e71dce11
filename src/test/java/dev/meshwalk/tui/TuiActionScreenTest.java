package dev.meshwalk.tui;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.meshwalk.facts.CancelOutcome;
import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.content.LessonSource;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import java.util.ArrayList;
import java.util.Collections;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import dev.meshwalk.core.Action;
import dev.meshwalk.core.ChangeSet;
import dev.meshwalk.core.DeployOrder;
import dev.meshwalk.core.TeardownVerdict;
import dev.meshwalk.core.DeployBoard;
import dev.meshwalk.core.ResourcePhase;
import dev.meshwalk.core.TrafficAnswer;
import dev.meshwalk.core.TrafficSample;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.Status;
import dev.meshwalk.core.Target;
import dev.meshwalk.core.TeardownItem;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceGraphReader;

/**
 * The action panes on Lanterna's virtual terminal, driven by the typed Msgs the effects would post (no cloud needed):
 * what a learner sees during a deploy, after a failure, with traffic running, on the map and in the teardown menu.
 */
class TuiActionScreenTest {

    private static final ChapterCatalog CATALOG = ChapterCatalog.load(LessonSource.classpath("lessons-fixture"));

    private VirtualScreen tui;
    private DefaultVirtualTerminal terminal;
    private final LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
    private final List<Effect> ran = Collections.synchronizedList(new ArrayList<>());
    private TuiLoop loop;

    private void open(int cols, int rows, boolean unicode) throws IOException {
        State initial = State.initial(CATALOG.chapters(), new Size(cols, rows), unicode,
                new Target(Target.Kind.LOCAL, "LOCAL http://127.0.0.1:4566"), "/tmp/log");
        EffectRunner recording = new EffectRunner() {
            @Override
            public void run(Effect effect) {
                ran.add(effect);
            }

            @Override
            public void close() {
            }
        };
        tui = VirtualScreen.open(initial, recording, inbox, true);
        terminal = tui.terminal;
        loop = tui.loop;
    }

    @AfterEach
    void close() throws IOException {
        if (tui != null) {
            tui.close();
        }
    }

    private void keys(Object... keys) throws Exception {
        tui.keys(keys);
    }

    private void post(Msg... msgs) throws Exception {
        for (Msg m : msgs) {
            inbox.add(m);
        }
        loop.step(0);
    }

    private String text() {
        return tui.text();
    }

    private static Msg resource(Action a, String id, String type, String status, ResourcePhase phase, long millis,
            String reason, int done, int total) {
        return new Msg.DeployResourceChanged(a, id, type, status, phase, Duration.ofMillis(millis), reason, done, total);
    }

    private static final DeployOrder PRELUDE = DeployOrder.of("0-prelude");

    @Test
    void deployInProgressShowsRowsProgressAndTheQuestionWhenEscIsPressed() throws Exception {
        open(100, 30, true);
        keys('0', KeyType.Enter, 'd');
        assertThat(ran).contains(new Effect.PlanDeploy("0-prelude"));
        assertThat(text()).contains("computing the change set");
        ChangeSet changes = new ChangeSet("meshwalk-howto-ecs-basics", "cs-1", true, List.of(
                new ChangeSet.Change(ChangeSet.Kind.ADD, "Cluster", "ECS::Cluster", null, "the ECS cluster the tasks run in"),
                new ChangeSet.Change(ChangeSet.Kind.ADD, "FrontService", "ECS::Service", null,
                        "keeps the desired number of front tasks running")), java.util.Map.of());
        post(new Msg.DeployPlanned(PRELUDE, changes));
        assertThat(text()).contains("+ Cluster").contains("Deploy these changes?  y/enter = deploy");
        keys('y');
        assertThat(ran).contains(new Effect.ExecuteDeploy(PRELUDE, changes));
        post(new Msg.DeployStarted(PRELUDE, "meshwalk-howto-ecs-basics"),
                new Msg.DeployStackChanged(Action.DEPLOY, "CREATE_IN_PROGRESS", false, "User Initiated", Duration.ofMillis(100)),
                resource(Action.DEPLOY, "Cluster", "ECS::Cluster", "CREATE_COMPLETE", ResourcePhase.DONE, 1200, null, 1, 2),
                resource(Action.DEPLOY, "FrontService", "ECS::Service", "CREATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 2500,
                        null, 1, 2));
        String screenText = text();
        assertThat(screenText).contains("d Deploy ◌").contains("1/2 resources");
        assertThat(tui.rowWith("FrontService")).isEqualTo("  ◌   2.5 s  FrontService                    CREATE_IN_PROGRESS   ECS::Service");
        assertThat(tui.rowWith("Cluster")).isEqualTo("  ✓   1.2 s  Cluster                         CREATE_COMPLETE      ECS::Cluster");
        keys(KeyType.Escape);
        assertThat(text()).contains("Deploy running.  y = cancel it (rolls back), esc/n = leave it, ctrl-c = quit");
    }

    @Test
    void deployFailureShowsTheReasonAndTheFailedSymbol() throws Exception {
        open(80, 24, false);
        keys('0', KeyType.Enter, 'd');
        String reason = "Task failed to start: no image front:nope";
        post(new Msg.DeployStarted(PRELUDE, "s"),
                resource(Action.DEPLOY, "FrontService", "ECS::Service", "CREATE_FAILED", ResourcePhase.FAILED, 2000, reason, 1, 3),
                new Msg.DeployEnded(Action.DEPLOY, false, "s", "ROLLBACK_COMPLETE", Duration.ofSeconds(4), List.of(
                        new DeployBoard.Failure("FrontService", "ECS::Service", "CREATE_FAILED", reason)), java.util.Map.of()),
                new Msg.DeployConcluded(PRELUDE, false, "ROLLBACK_COMPLETE"));
        String screenText = text();
        assertThat(screenText).contains("d Deploy [X]").contains("Task failed to start: no image front:nope")
                .contains("Failures:");
        assertThat(screenText.chars()).as("ASCII mode draws only ASCII").allMatch(c -> c < 128);
    }

    @Test
    void trafficRunningShowsBarsAndQuitAsksFirst() throws Exception {
        open(100, 30, true);
        keys('3', KeyType.Enter, 't');
        assertThat(ran).contains(new Effect.ToggleTraffic());
        post(new Msg.TrafficStarted("http://127.0.0.2:8080", Duration.ofMillis(500)),
                new Msg.TrafficAnswered(new TrafficAnswer(40, OptionalInt.of(200), Optional.of("blue"), Optional.empty(),
                        Duration.ofMillis(3), "")),
                new Msg.TrafficSampled(new TrafficSample(40, 40, java.util.Map.of("blue", 20L, "green", 20L),
                        java.util.Map.of("blue", 0.5, "green", 0.5), java.util.Map.of("blue", 0.49, "green", 0.51), 2.0,
                        Duration.ofMillis(3), Duration.ofMillis(9), List.of(), Duration.ofMillis(500), true)),
                new Msg.RunningChanged(true));
        assertThat(text()).contains("t Traffic ◌").contains("2.0 req/s");
        assertThat(tui.rowWith("blue     █")).isEqualTo("   blue     ████████████░░░░░░░░░░░░  50% observed (20)   front's own  49%");
        assertThat(tui.rowWith("green    █")).isEqualTo("   green    ████████████░░░░░░░░░░░░  50% observed (20)   front's own  51%");
        keys(KeyType.Escape);
        assertThat(text()).as("back to reading while it runs").contains("Chapter 3/3");
        assertThat(text().replaceAll("\\s+", " ")).as("the lesson's action strip shows the same board text")
                .contains("running: GET http://127.0.0.2:8080/color");
        keys('q');
        assertThat(text()).contains("Still running: the traffic loop.");
    }

    @Test
    void atEightyByTwentyFourTheLoopAndItsCountsStayInViewWhenABreakItBlockFillsThePane() throws Exception {
        open(80, 24, true);
        keys('1', KeyType.Enter, 't');
        post(new Msg.TrafficStarted("http://127.0.0.2:8080", Duration.ofMillis(500)));
        for (long n = 1; n <= 12; n++) {
            post(new Msg.TrafficAnswered(new TrafficAnswer(n, n == 9 ? OptionalInt.of(500) : OptionalInt.of(200),
                    n == 9 ? Optional.empty() : Optional.of("green"), Optional.empty(), Duration.ofMillis(7), "")));
        }
        post(new Msg.TrafficSampled(new TrafficSample(12, 11, java.util.Map.of("green", 11L), java.util.Map.of("green", 1.0),
                        java.util.Map.of("green", 1.0), 2.0, Duration.ofMillis(7), Duration.ofMillis(13),
                        List.of(new TrafficSample.ErrorCount("HTTP 5xx", 1, "front answered with an error: usually its"
                                + " call to color failed (no healthy color task, DNS or proxy not ready)")),
                        Duration.ofMillis(500), true)),
                new Msg.ColorTaskStopped("meshwalk-howto-ecs-basics-ColorService-ALZTLKGNTDQH3", "caa0757912345678", 3),
                new Msg.ColorTaskReplaced(Duration.ofMillis(300), 3, 3));

        assertThat(text()).as("the pane is longer than the screen").contains("more lines above")
                .contains("running: GET http://127.0.0.2:8080/color")
                .contains("12 requests, 11 ok, 1 failed")
                .contains("back to 3 of 3 running tasks");
    }

    @Test
    void mapShowsTheServiceGraphFromTheGraphLibrary() throws Exception {
        open(100, 30, true);
        keys('0', KeyType.Enter, 'm');
        assertThat(ran).contains(new Effect.FetchGraph(5, true));
        ServiceGraph graph;
        try (var in = getClass().getResourceAsStream("/graph-fixtures/xray-graph-a.json")) {
            graph = new ServiceGraphReader().read(in);
        }
        post(new Msg.GraphLoaded(graph));
        String screenText = text();
        assertThat(screenText).contains("color-green").contains("m Service map ✓");
        keys('v');
        assertThat(text()).as("table view of the same data").contains("color-green");
        keys(KeyType.Escape);
        assertThat(ran).contains(new Effect.StopGraphRefresh());
    }

    @Test
    void aMapThatCouldNotBeFetchedShowsTheWholeReasonWrappedAtEightyColumns() throws Exception {
        open(80, 24, true);
        keys('0', KeyType.Enter, 'm');
        String reason = "Could not read the service graph from X-Ray: The local cloud at http://127.0.0.1:44281 does"
                + " not answer (Connection refused): it has stopped. Start the tutorial again, or any of its commands"
                + " such as `status`: that starts a new one, with your stack.";
        post(new Msg.GraphFailed(reason));
        assertThat(text().replaceAll("\\s+", " ")).contains(reason);
    }

    @Test
    void emptyMapSaysToStartTheTrafficLoop() throws Exception {
        open(80, 24, true);
        keys('0', KeyType.Enter, 'm');
        post(new Msg.GraphLoaded(new ServiceGraph(null, List.of())));
        assertThat(text().replaceAll("\\s+", " ")).contains("Start the traffic loop (t)");
    }

    @Test
    void metricsShowEachGroupOnceWithSparklinesThatFitEightyColumns() throws Exception {
        open(80, 24, true);
        keys('3', KeyType.Enter, 'c');
        assertThat(ran).anyMatch(e -> e instanceof Effect.FetchMetrics);
        List<Double> rising = new ArrayList<>(Collections.nCopies(20, (Double) null));
        rising.addAll(List.of(1.0, 2.0, 3.0, 4.0));
        dev.meshwalk.core.MetricsBoard board = new dev.meshwalk.core.MetricsBoard("3-routing", Duration.ofSeconds(10), 24,
                List.of(new dev.meshwalk.core.MetricsBoard.Row("ALB PublicLoadBalancer", "RequestCount", false, rising,
                                java.util.OptionalDouble.of(4), java.util.OptionalDouble.of(4)),
                        new dev.meshwalk.core.MetricsBoard.Row("Envoy color-v2-node", "ingress 5xx", false,
                                Collections.nCopies(24, (Double) null), java.util.OptionalDouble.empty(),
                                java.util.OptionalDouble.empty())));
        post(new Msg.MetricsFetched(board));
        String screenText = text();
        assertThat(screenText).contains("Chapter 3-routing, last 4 min, a point per 10 s")
                .contains("ALB PublicLoadBalancer").contains("Envoy color-v2-node").contains("▁▃▆█  last 4")
                .contains("To refresh, show this pane again (c).");
        assertThat(tui.rowWith("ingress 5xx")).isEqualTo("   ingress 5xx         (no data yet)");
        assertThat(tui.rowWith("RequestCount")).as("the row's end (max) is on screen, not cut").isEqualTo("   RequestCount                            ▁▃▆█  last 4          max 4");
    }

    private static final TeardownItem STACK = new TeardownItem("CloudFormation stack", "meshwalk-howto-ecs-basics",
            "CREATE_COMPLETE, chapter 3-routing", true);
    private static final TeardownItem FRONT_DASHBOARD = new TeardownItem("CloudWatch dashboard",
            "meshwalk-howto-ecs-basics-front-node", "exists", true);

    @Test
    void teardownListsWhatIsLeftAllPickedAndYDeletesItAllThenVerifies() throws Exception {
        open(80, 24, true);
        keys('x');
        assertThat(ran).contains(new Effect.TeardownInventory());
        post(new Msg.TeardownListed(List.of(STACK, FRONT_DASHBOARD), List.of()));
        String screenText = text();
        assertThat(screenText).as("a long row continues below instead of losing its end")
                .contains("› [x] meshwalk-howto-ecs-basics\n       CloudFormation stack, CREATE_COMPLETE, chapter 3-routing")
                .contains("  [x] CloudWatch dashboard meshwalk-howto-ecs-basics-front-node  (exists)")
                .contains("2 of 2 picked")
                .contains("Delete 2 picked items? y = delete, space = pick/unpick, esc = keep all");
        keys('y');
        assertThat(ran).contains(new Effect.DeletePicked(List.of(STACK, FRONT_DASHBOARD)));
        assertThat(text()).contains("Deleting 2 picked items ...");
        post(new Msg.TeardownStarted(List.of(STACK, FRONT_DASHBOARD), true),
                resource(Action.TEARDOWN, "Cluster", "ECS::Cluster", "DELETE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 300, null, 0, 1));
        assertThat(text()).contains("x Teardown ◌").contains("Teardown of 2 picked items")
                .contains("◌   0.3 s  Cluster");
        post(resource(Action.TEARDOWN, "Cluster", "ECS::Cluster", "DELETE_COMPLETE", ResourcePhase.DELETED, 900, null, 1, 1),
                new Msg.DeployEnded(Action.TEARDOWN, true, "meshwalk-howto-ecs-basics", "DELETE_COMPLETE",
                        Duration.ofSeconds(1), List.of(), java.util.Map.of()),
                new Msg.TeardownVerified(true, List.of(), List.of(), new TeardownVerdict(List.of(), List.of(), 0)));
        assertThat(text()).contains("x Teardown ✓").contains("Verified: nothing the tutorial created is left");
    }

    @Test
    void aNoticeTooLongForTheStatusBarDoesNotHideTheTeardownVerdict() throws Exception {
        open(100, 30, true);
        keys('x');
        post(new Msg.TeardownListed(List.of(STACK, FRONT_DASHBOARD), List.of()));
        keys('y');
        post(new Msg.TeardownStarted(List.of(STACK, FRONT_DASHBOARD), true));
        for (int i = 1; i <= 40; i++) {
            post(resource(Action.TEARDOWN, "Resource" + i, "ECS::Service", "DELETE_COMPLETE", ResourcePhase.DELETED,
                    600, null, i, 40));
        }
        post(new Msg.DeployEnded(Action.TEARDOWN, true, "meshwalk-howto-ecs-basics", "DELETE_COMPLETE",
                        Duration.ofSeconds(1), List.of(), java.util.Map.of()),
                new Msg.TeardownVerified(true, List.of(), List.of(), new TeardownVerdict(List.of(), List.of(), 0)),
                new Msg.ColorsCleared("cleared 3 front tasks", null));
        String screenText = text();
        assertThat(screenText).as("the notice wraps above the status bar, whole")
                .contains("Front's history and our counts were cleared").contains("(cleared 3 front tasks).");
        assertThat(screenText).as("the pane gives up the notice's rows, so its last line, the verdict, stays in view")
                .contains("Verified: nothing the tutorial created is left");
    }

    @Test
    void teardownPicksMoveWithTheCursorAndUnpickedRowsAreNotDeleted() throws Exception {
        open(100, 30, false);
        keys('x');
        post(new Msg.TeardownListed(List.of(STACK, FRONT_DASHBOARD), List.of("Dashboards could not be checked: denied")));
        keys(KeyType.ArrowDown, ' ');
        String screenText = text();
        assertThat(tui.rowWith("CloudFormation stack")).isEqualTo("   [x] CloudFormation stack meshwalk-howto-ecs-basics  (CREATE_COMPLETE, chapter 3-routing)");
        assertThat(tui.rowWith("front-node")).isEqualTo(" > [ ] CloudWatch dashboard meshwalk-howto-ecs-basics-front-node  (exists)");
        assertThat(screenText).contains("[!] Dashboards could not be checked: denied")
                .contains("1 of 2 picked").contains("Delete 1 picked item? y = delete");
        assertThat(screenText.chars()).as("ASCII mode draws only ASCII").allMatch(c -> c < 128);
        keys('k', ' ');
        assertThat(text()).contains("Nothing is picked. space = pick, a = pick all, esc = keep everything");
        keys('a');
        assertThat(text()).contains("2 of 2 picked");
        keys(KeyType.ArrowUp, ' ', 'y');
        assertThat(ran).contains(new Effect.DeletePicked(List.of(FRONT_DASHBOARD)));
    }

    @Test
    void aLongTeardownListScrollsSoTheCursorStaysOnScreen() throws Exception {
        open(80, 24, true);
        keys('x');
        List<TeardownItem> many = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            many.add(new TeardownItem("CloudWatch dashboard", "meshwalk-x-node-" + i, "exists", true));
        }
        post(new Msg.TeardownListed(many, List.of()));
        assertThat(text()).contains("meshwalk-x-node-1 ").doesNotContain("meshwalk-x-node-30").contains("30 of 30 picked · 15 more");
        for (int i = 0; i < 29; i++) {
            keys('j');
        }
        assertThat(text()).contains("› [x] CloudWatch dashboard meshwalk-x-node-30").doesNotContain("meshwalk-x-node-1 ")
                .contains("Delete 30 picked items?");
    }

    @Test
    void aBusyStackAsksWaitCancelOrLeaveAndShowsTheWait() throws Exception {
        open(80, 24, true);
        keys('0', KeyType.Enter, 'd');
        post(new Msg.StackBusyFound(PRELUDE, "meshwalk-howto-ecs-basics", "UPDATE_IN_PROGRESS"));
        assertThat(text()).contains("busy (UPDATE_IN_PROGRESS)")
                .contains("Stack busy. w/enter = wait, c = cancel the update (rolls back), esc = leave it");
        keys('c');
        assertThat(ran).contains(new Effect.AnswerBusyStack(Effect.BusyChoice.CANCEL, PRELUDE));
        post(new Msg.StackWaitStarted("meshwalk-howto-ecs-basics", "0-prelude", "UPDATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS,
                        new CancelOutcome.Requested()),
                new Msg.StackWaitChanged("UPDATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, Duration.ZERO),
                new Msg.StackWaitChanged("UPDATE_ROLLBACK_IN_PROGRESS", ResourcePhase.ROLLING_BACK, Duration.ofSeconds(1)),
                new Msg.StackWaitTicked(Duration.ofSeconds(3)));
        assertThat(text()).contains("d Deploy ◌").contains("Waiting for the stack meshwalk-howto-ecs-basics   3.0 s")
                .contains("! now UPDATE_ROLLBACK_IN_PROGRESS   (esc: cancel the update or keep waiting)").contains("Cancel requested")
                .contains("Cancel requested");
        assertThat(tui.rowWith("0.0 s")).isEqualTo("  ◌   0.0 s  UPDATE_IN_PROGRESS");
        assertThat(tui.rowWith("1.0 s")).isEqualTo("  !   1.0 s  UPDATE_ROLLBACK_IN_PROGRESS");
        post(new Msg.StackWaitSettled("UPDATE_ROLLBACK_COMPLETE", ResourcePhase.ROLLED_BACK, Duration.ofSeconds(4)));
        assertThat(text()).contains("The stack meshwalk-howto-ecs-basics settled after 4.0 s.")
                .contains("! now UPDATE_ROLLBACK_COMPLETE; planning chapter 0-prelude ...");
    }
}
