package dev.meshwalk.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.content.LessonSource;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.ChangeSet;
import dev.meshwalk.core.DeployBoard;
import dev.meshwalk.core.DeployOrder;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.ResourcePhase;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Status;
import dev.meshwalk.core.Target;
import dev.meshwalk.core.TrafficAnswer;
import dev.meshwalk.core.TrafficSample;

/**
 * Line mode's deploy and traffic commands, fed the typed Msgs the effects would post: they print the same lines as
 * the TUI's panes (the core's board text), each changed line once.
 */
class LineActionsTest {

    private static final ChapterCatalog CATALOG = ChapterCatalog.load(LessonSource.classpath("lessons-fixture"));

    private final StringWriter buffer = new StringWriter();
    private final List<Effect> effects = Collections.synchronizedList(new ArrayList<>());
    private final LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();

    private LineSession session() {
        State initial = State.initial(CATALOG.chapters(), new Size(80, 24), false, Target.local(), "log");
        LineSession s = new LineSession(initial, new EffectRunner() {
            @Override
            public void run(Effect effect) {
                effects.add(effect);
            }

            @Override
            public void close() {
            }
        }, new PrintWriter(buffer, true), 80);
        s.attachInbox(inbox);
        return s;
    }

    private static Msg resource(String id, String status, ResourcePhase phase, long millis, String reason, int done) {
        return new Msg.DeployResourceChanged(Action.DEPLOY, id, "ECS::Service", status, phase, Duration.ofMillis(millis),
                reason, done, 2);
    }

    @Test
    void aFailedDeployPrintsEachRowChangeOnceThenTheSummaryWithTheReasonsRepeated() {
        LineSession s = session();
        DeployOrder prelude = DeployOrder.of("0-prelude");
        ChangeSet changes = new ChangeSet("s", "cs-1", true, List.of(
                new ChangeSet.Change(ChangeSet.Kind.ADD, "Front", "ECS::Service", null, "keeps front running"),
                new ChangeSet.Change(ChangeSet.Kind.ADD, "Color", "ECS::Service", null, "keeps color running")), Map.of());
        inbox.add(new Msg.DeployPlanned(prelude, changes));
        s.handle("deploy 0");
        assertThat(effects).contains(new Effect.PlanDeploy("0-prelude"));
        assertThat(buffer.toString()).contains("Creating stack s").contains("Type 'yes' or 'no'.");

        String reason = "Task failed to start: no image front:nope";
        inbox.addAll(List.of(new Msg.DeployStarted(prelude, "s"),
                resource("Front", "CREATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 500, null, 0),
                resource("Front", "CREATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 500, null, 0),
                resource("Front", "CREATE_FAILED", ResourcePhase.FAILED, 2000, reason, 1),
                new Msg.DeployEnded(Action.DEPLOY, false, "s", "ROLLBACK_COMPLETE", Duration.ofSeconds(3),
                        List.of(new DeployBoard.Failure("Front", "ECS::Service", "CREATE_FAILED", reason)), Map.of()),
                new Msg.DeployConcluded(prelude, false, "ROLLBACK_COMPLETE")));
        buffer.getBuffer().setLength(0);
        s.handle("yes");
        String out = buffer.toString();
        assertThat(effects).contains(new Effect.ExecuteDeploy(prelude, changes));
        assertThat(out.lines().filter(l -> l.contains("CREATE_IN_PROGRESS"))).as("a repeated event prints nothing").hasSize(1);
        assertThat(out).contains("[X]   2.0 s  Front").contains("Failures:").contains("Deploying chapter 0-prelude failed (ROLLBACK_COMPLETE)")
                .contains("Chapter 0-prelude -> s   3.0 s   ROLLBACK_COMPLETE");
        assertThat(out.lines().filter(l -> l.contains(reason))).as("inline and repeated at the end").hasSize(2);
        assertThat(out).as("the changing header is printed once, when it settled").doesNotContain("starting");
    }

    @Test
    void trafficRunsUntilTheCountThenStopsAndPrintsTheBoard() {
        LineSession s = session();
        TrafficSample running = new TrafficSample(3, 2, Map.of("green", 2L), Map.of("green", 1.0), Map.of("green", 1.0),
                2.0, Duration.ofMillis(3), Duration.ofMillis(8),
                List.of(new TrafficSample.ErrorCount("refused", 1, "nothing listens at the endpoint")),
                Duration.ofMillis(500), true);
        inbox.addAll(List.of(new Msg.TrafficStarted("http://127.0.0.2:8080", Duration.ofMillis(500)),
                new Msg.TrafficAnswered(new TrafficAnswer(1, OptionalInt.empty(), Optional.empty(), Optional.of("refused"),
                        Duration.ofMillis(1), "Connection refused")),
                new Msg.TrafficSampled(running),
                new Msg.TrafficSampled(new TrafficSample(3, 2, running.colorCounts(), running.observedShare(),
                        running.appShare(), 2.0, running.p50(), running.p95(), running.errors(), running.interval(), false))));
        s.handle("traffic 3");
        String out = buffer.toString();
        assertThat(effects.stream().filter(e -> e instanceof Effect.ToggleTraffic)).as("started, then stopped").hasSize(2);
        assertThat(out).contains("[i] stopped: GET http://127.0.0.2:8080/color every 0.5 s")
                .contains("3 requests, 2 ok, 1 failed").contains("green    " + "#".repeat(24) + " 100% observed")
                .contains("[X] refused       1  nothing listens at the endpoint").contains("#1     ---  refused");
    }

    @Test
    void trafficWithNothingDeployedNamesTheCommandToTypeNotAKey() {
        LineSession s = session();
        inbox.add(new Msg.TrafficNoEndpoint("meshwalk-howto-ecs-basics", null));
        s.handle("traffic 3");
        assertThat(buffer.toString()).contains("Nothing is deployed yet: open a chapter and deploy it first ('deploy').")
                .doesNotContain("(d)");
    }

    @Test
    void metricsNameTheCommandThatRefreshesThemNotAKey() {
        LineSession s = session();
        inbox.add(new Msg.MetricsFetched(new dev.meshwalk.core.MetricsBoard("0-prelude", Duration.ofSeconds(10), 24,
                List.of(new dev.meshwalk.core.MetricsBoard.Row("ALB PublicLoadBalancer", "RequestCount", false,
                        java.util.Collections.nCopies(24, 3.0), java.util.OptionalDouble.of(3),
                        java.util.OptionalDouble.of(3))))));
        s.handle("metrics");
        assertThat(buffer.toString()).contains("RequestCount", "To refresh, show this pane again ('metrics').")
                .doesNotContain("(c)");
    }
}
