package dev.meshwalk.core;

import static dev.meshwalk.core.UpdateDriver.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.Stats;

/** The action panes' transitions: which keys ask for which effects, and how answers fold into State. */
class ActionUpdateTest {

    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "0-prelude", "Prelude", "stacks/0-prelude.yaml", "# Prelude\n\nShort.", null),
            new Chapter(1, "1-servicediscovery", "Service discovery", "", "# SD\n\nShort.", null),
            new Chapter(2, "2-meshify", "Meshify", "", "# Meshify\n\nEnvoy.", null),
            new Chapter(3, "3-routing", "Routing", "", "# Routing\n\nSplit.", null));

    private final UpdateDriver driver = new UpdateDriver();
    private final List<Effect> effects = driver.effects;

    private State start() {
        return State.initial(CHAPTERS, new Size(100, 30), true, Target.local(), "/tmp/log");
    }

    private State send(State s, Msg... msgs) {
        return driver.send(s, msgs);
    }

    @Test
    void deployKeyInALessonOpensTheDeployPaneAndPlansThatChapter() {
        State s = send(start(), new Msg.OpenChapter(3), key('d'));
        assertThat(s.view()).isEqualTo(View.ACTION);
        assertThat(s.focused()).isEqualTo(Action.DEPLOY);
        assertThat(effects).contains(new Effect.PlanDeploy("3-routing"));
        assertThat(String.join(" ", s.actions().get(Action.DEPLOY).lines())).contains("computing the change set");
    }

    @Test
    void aCheckVerdictInTheStatusBarGoesWhenADeployOrATeardownStarts() {
        State checked = send(start(), new Msg.OpenChapter(0),
                new Msg.CheckResult("0-prelude", true, "front answers through the load balancer."));
        assertThat(checked.notice()).startsWith("Check passed:");

        assertThat(send(checked, key('d')).notice()).isNull();
        assertThat(send(checked, key('x')).notice()).isNull();
        assertThat(send(checked, key('t')).notice()).startsWith("Check passed:");
    }

    @Test
    void parametersSetForADeployAreKeptByLaterDeploysUntilChanged() {
        State s = send(start(), new Msg.OpenChapter(3),
                new Msg.DeployParameters("3-routing", Map.of("ColorWeight", "90", "ColorV2Weight", "10")), key('d'));
        assertThat(effects).contains(new Effect.PlanDeploy(
                new DeployOrder("3-routing", Map.of("ColorWeight", "90", "ColorV2Weight", "10"))));
        effects.clear();
        send(s, new Msg.DeployParameters("3-routing", Map.of("ColorWeight", "0")), key(Key.Kind.ESCAPE), key('d'));
        assertThat(effects).contains(new Effect.PlanDeploy(
                new DeployOrder("3-routing", Map.of("ColorWeight", "0", "ColorV2Weight", "10"))));
    }

    @Test
    void parametersAreSavedWithProgressAndBelongToTheirChapter() {
        State s = send(start(), new Msg.DeployParameters("3-routing", Map.of("ColorWeight", "90")));
        assertThat(effects).containsExactly(new Effect.SaveProgress(Map.of(),
                Map.of("3-routing", Map.of("ColorWeight", "90"))));
        effects.clear();
        send(s, new Msg.OpenChapter(2), key('d'));
        assertThat(effects).contains(new Effect.PlanDeploy(DeployOrder.of("2-meshify")));
    }

    @Test
    void savedParametersArriveWithProgressAndThoseSetMeanwhileWin() {
        State s = send(start(), new Msg.DeployParameters("3-routing", Map.of("ColorWeight", "70")));
        effects.clear();
        s = send(s, new Msg.ProgressLoaded(Map.of(), Map.of("3-routing", Map.of("ColorWeight", "90",
                "ColorV2Weight", "10")), null));
        assertThat(s.course().parameters("3-routing")).containsOnly(Map.entry("ColorWeight", "70"),
                Map.entry("ColorV2Weight", "10"));
        assertThat(effects).containsExactly(s.course().save());
        effects.clear();
        send(s, new Msg.OpenChapter(3), key('d'));
        assertThat(effects).contains(new Effect.PlanDeploy(
                new DeployOrder("3-routing", Map.of("ColorWeight", "70", "ColorV2Weight", "10"))));
    }

    @Test
    void deployOnTheChapterListSaysToOpenAChapterFirst() {
        State s = send(start(), key('d'));
        assertThat(s.view()).isEqualTo(View.CHAPTERS);
        assertThat(effects).noneMatch(e -> e instanceof Effect.PlanDeploy);
    }

    private static final DeployOrder PRELUDE = DeployOrder.of("0-prelude");
    private static final ChangeSet CLUSTER = new ChangeSet("s", "cs-1", true, List.of(new ChangeSet.Change(
            ChangeSet.Kind.ADD, "Cluster", "ECS::Cluster", null, "the ECS cluster")), Map.of("ProjectName", "p"));

    @Test
    void aPreviewAsksAndYesOrEnterDeploysWhileEscCancels() {
        State s = send(start(), new Msg.OpenChapter(0), key('d'), new Msg.DeployPlanned(PRELUDE, CLUSTER));
        assertThat(s.actions().get(Action.DEPLOY).lines()).contains("  + Cluster     ECS::Cluster  the ECS cluster");
        State yes = send(s, key(Key.Kind.ENTER));
        assertThat(effects).contains(new Effect.ExecuteDeploy(PRELUDE, CLUSTER));
        assertThat(yes.actions().get(Action.DEPLOY).question()).isEqualTo(ActionPane.Question.NONE);
        effects.clear();
        State no = send(s, key(Key.Kind.ESCAPE));
        assertThat(effects).containsExactly(new Effect.DiscardChangeSet(PRELUDE, CLUSTER));
        assertThat(no.view()).as("esc answers the question, it does not leave the pane").isEqualTo(View.ACTION);
    }

    @Test
    void escOrCtrlCDuringADeployAsksWhetherToRollBackInsteadOfLeaving() {
        State s = send(start(), new Msg.OpenChapter(0), key('d'),
                new Msg.DeployStarted(PRELUDE, "s"));
        State asked = send(s, key(Key.Kind.ESCAPE));
        assertThat(asked.view()).isEqualTo(View.ACTION);
        assertThat(asked.actions().get(Action.DEPLOY).question()).isEqualTo(ActionPane.Question.CANCEL_DEPLOY);
        State viaCtrlC = send(s, key(Key.Kind.CTRL_C));
        assertThat(viaCtrlC.actions().get(Action.DEPLOY).question()).isEqualTo(ActionPane.Question.CANCEL_DEPLOY);
        assertThat(effects).noneMatch(e -> e instanceof Effect.Quit);

        State leftRunning = send(asked, key('n'));
        assertThat(effects).noneMatch(e -> e instanceof Effect.CancelDeploy);
        assertThat(leftRunning.actions().get(Action.DEPLOY).status()).isEqualTo(Status.IN_PROGRESS);
        send(asked, key('y'));
        assertThat(effects).contains(new Effect.CancelDeploy());
    }

    @Test
    void aSecondCtrlCDuringADeployQuitsAndLeavesTheDeployRunning() {
        State asked = send(start(), new Msg.OpenChapter(0), key('d'), new Msg.DeployStarted(PRELUDE, "s"),
                key(Key.Kind.CTRL_C));
        assertThat(effects).noneMatch(e -> e instanceof Effect.Quit);

        send(asked, key(Key.Kind.CTRL_C));

        assertThat(effects).anyMatch(e -> e instanceof Effect.Quit).noneMatch(e -> e instanceof Effect.CancelDeploy);
    }

    @Test
    void aSuccessfulDeployMarksTheChapterDeployedAndSavesButAFailureDoesNot() {
        DeployOrder routing = DeployOrder.of("3-routing");
        State s = send(start(), new Msg.DeployConcluded(routing, false, "ROLLBACK_COMPLETE"));
        assertThat(s.mark("3-routing")).isEqualTo(Mark.NOT_STARTED);
        assertThat(effects).isEmpty();
        s = send(s, new Msg.DeployConcluded(routing, true, "CREATE_COMPLETE"));
        assertThat(s.mark("3-routing")).isEqualTo(Mark.DEPLOYED);
        assertThat(effects).containsExactly(s.course().save());
    }

    @Test
    void trafficKeysToggleAndTuneTheLoopOnlyInTheTrafficPane() {
        State s = send(start(), new Msg.OpenChapter(3));
        effects.clear(); // opening a short lesson marks it read
        s = send(s, key('t'));
        assertThat(effects).containsExactly(new Effect.ToggleTraffic());
        s = send(s, new Msg.TrafficStarted("http://front", java.time.Duration.ofMillis(500)),
                key('+'), key('-'), key('r'), key('t'));
        assertThat(effects).containsExactly(new Effect.ToggleTraffic(), new Effect.TrafficInterval(true),
                new Effect.TrafficInterval(false), new Effect.ClearColors(), new Effect.ToggleTraffic());
        s = send(s, key(Key.Kind.ESCAPE));
        assertThat(s.view()).as("esc goes back to reading; the loop keeps running").isEqualTo(View.LESSON);
    }

    @Test
    void mapPaneFetchesRefreshesAndItsKeysChangeWindowLabelsTableAndPan() {
        State s = send(start(), new Msg.OpenChapter(0));
        effects.clear();
        s = send(s, key('m'));
        assertThat(effects).containsExactly(new Effect.FetchGraph(5, true));
        s = send(s, key('w'));
        assertThat(s.map().minutes()).isEqualTo(15);
        assertThat(effects).contains(new Effect.FetchGraph(15, true));
        s = send(s, key('w'));
        assertThat(s.map().minutes()).isEqualTo(1);
        var before = s.map().labels();
        s = send(s, key('l'), key('v'), key(Key.Kind.RIGHT), key(Key.Kind.DOWN), key('h'));
        assertThat(s.map().labels()).isEqualTo(before.next());
        assertThat(s.map().table()).isTrue();
        assertThat(s.map().panX()).isZero(); // right 4, then h back 4
        assertThat(s.map().panY()).isEqualTo(2);
        ServiceGraph g = new ServiceGraph(null, List.of(ServiceNode.of(0, "front", "client", Stats.NONE, List.of())));
        s = send(s, new Msg.GraphLoaded(g));
        assertThat(s.map().graph()).isSameAs(g);
        assertThat(s.actions().get(Action.MAP).status()).isEqualTo(Status.OK);
        s = send(s, key(Key.Kind.ESCAPE));
        assertThat(effects).endsWith(new Effect.StopGraphRefresh());
        assertThat(s.view()).isEqualTo(View.LESSON);
    }

    @Test
    void teardownIsReachableFromTheChapterListAndAsksBeforeDeleting() {
        State s = send(start(), key('x'));
        assertThat(s.view()).isEqualTo(View.ACTION);
        assertThat(effects).containsExactly(new Effect.TeardownInventory());
        TeardownItem stack = new TeardownItem("CloudFormation stack", "meshwalk", "CREATE_COMPLETE", true);
        s = send(s, new Msg.TeardownListed(List.of(stack), List.of()), key('y'));
        assertThat(effects).as("x then y deletes everything, all pre-picked").contains(new Effect.DeletePicked(List.of(stack)));
        s = send(s, key(Key.Kind.ESCAPE));
        assertThat(s.view()).isEqualTo(View.CHAPTERS);
    }

    @Test
    void aPassedCheckMarksTheChapterDoneAndAFailedOneOnlyExplains() {
        State s = send(start(), new Msg.OpenChapter(3), key('V'));
        assertThat(effects).contains(new Effect.Verify("3-routing", 5));
        s = send(s, new Msg.CheckResult("3-routing", false, "not about 50/50 yet"));
        assertThat(s.mark("3-routing")).isNotEqualTo(Mark.DONE);
        assertThat(s.notice()).contains("not about 50/50 yet");
        s = send(s, new Msg.CheckResult("3-routing", true, "about half each"));
        assertThat(s.mark("3-routing")).isEqualTo(Mark.DONE);
        assertThat(effects).endsWith(s.course().save());
    }

    @Test
    void chapterFoursCheckReadsTheLastMinuteOfTheMapSoChapterThreesProxiesDoNotFailIt() {
        List<Chapter> withFour = new java.util.ArrayList<>(CHAPTERS);
        withFour.add(new Chapter(4, "4-serviceconnect", "Service Connect", "", "# SC\n\nAlias.", null));
        send(State.initial(withFour, new Size(100, 30), true, Target.local(), "/tmp/log"), new Msg.OpenChapter(4),
                key('V'));
        assertThat(effects).contains(new Effect.Verify("4-serviceconnect", 1));
        send(start(), new Msg.OpenChapter(2), key('V'));
        assertThat(effects).contains(new Effect.Verify("2-meshify", 5));
    }

    @Test
    void theLocalCloudStartingShowsInTheStatusBarUntilItIsReady() {
        State s = send(start(), new Msg.Starting("local cloud"), new Msg.ProgressLoaded(java.util.Map.of(), null));
        assertThat(s.starting()).as("progress arriving must not hide that the cloud still starts").isEqualTo("local cloud");
        s = send(s, new Msg.TargetResolved(new Target(Target.Kind.LOCAL, "LOCAL http://127.0.0.1:1234")), new Msg.Starting(null));
        assertThat(s.starting()).isNull();
        assertThat(s.target().label()).isEqualTo("LOCAL http://127.0.0.1:1234");
    }
}
