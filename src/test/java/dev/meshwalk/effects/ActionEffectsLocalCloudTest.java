package dev.meshwalk.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.DeployPlan;
import dev.meshwalk.cloud.DeployRequest;
import dev.meshwalk.cloud.Deployment;
import dev.meshwalk.cloud.Stacks;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.BoardText;
import dev.meshwalk.core.DeployOrder;
import dev.meshwalk.core.Key;
import dev.meshwalk.core.Next;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Status;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Target;
import dev.meshwalk.core.TeardownItem;
import dev.meshwalk.core.Update;
import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.testsupport.GatedProvider;
import dev.meshwalk.localcloud.service.cloudformation.CloudFormationService;
import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;

/**
 * The teardown picks and the busy-stack question through {@link ActionEffects} and the core, the real SDK and the embedded
 * local cloud's CloudFormation and CloudWatch: only what the learner picked is deleted, and a stack busy in an
 * update (held open by a gated test resource) is waited for or cancelled before the chapter is planned.
 */
@Timeout(60)
class ActionEffectsLocalCloudTest {

    private static final String VPC_ONLY = "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n";
    private static final String VPC_AND_GATED = VPC_ONLY + "  W:\n    Type: Test::Gated::Thing\n";

    private static final DeployOrder PRELUDE = DeployOrder.of("0-prelude");

    private final GatedProvider gated = new GatedProvider();
    private final String stack = "meshwalk-t" + Long.toString(System.nanoTime(), 36);
    private final LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
    private State folded = State.initial(List.of(), new Size(100, 30), false, Target.local(), "log");
    private LocalCloud cloud;
    private CloudSession session;
    private CloudFormationClient cfn;
    private CloudWatchClient cloudWatch;
    private ActionEffects effects;

    @BeforeEach
    void start() {
        CloudFormationService cfnService = new CloudFormationService(new CloudFormationEngine(
                ProviderRegistry.standard().register(gated), EngineSettings.defaults().withSyncWait(java.time.Duration.ofMillis(200))));
        cloud = LocalCloud.builder().service(cfnService, new CloudWatchService(new MetricStore()), new XRayService(new TraceStore()))
                .onClose(cfnService).build().start();
        session = CloudSession.local(CloudTarget.local(cloud.endpoint()));
        StaticCredentialsProvider anyKey = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        cfn = CloudFormationClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(anyKey).build();
        cloudWatch = CloudWatchClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(anyKey).build();
        CloudSession forEffects = CloudSession.local(CloudTarget.local(cloud.endpoint()));
        TargetConnector connector = progress -> new TargetConnector.Connection(forEffects, Target.local(), () -> { });
        effects = new ActionEffects(connector, new TestSupport(stack), inbox::add);
    }

    @AfterEach
    void stop() {
        gated.gate.countDown();
        effects.close();
        cfn.close();
        cloudWatch.close();
        session.close();
        cloud.close();
    }

    /** The chapter template is the one-VPC stack, so plans are quick and their changes known. */
    private record TestSupport(String stackName) implements ActionSupport {
        @Override
        public String project() {
            return "t";
        }

        @Override
        public String template(String chapterId) {
            return VPC_ONLY;
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of();
        }
    }

    private void deploy(String template) {
        Deployment d = new Deployment(session, new DeployRequest(stack, "0-prelude", template, Map.of()));
        DeployOutcome outcome = d.execute((DeployPlan.Ready) d.plan(), e -> { });
        assertThat(outcome.success()).as("outcome %s", outcome).isTrue();
    }

    private void dashboard(String name) {
        cloudWatch.putDashboard(b -> b.dashboardName(name).dashboardBody("{\"widgets\":[]}"));
    }

    private List<String> dashboards() {
        return cloudWatch.listDashboards(b -> { }).dashboardEntries().stream().map(d -> d.dashboardName()).sorted().toList();
    }

    private String stackStatus() {
        return new Stacks(session).find(stack).map(s -> s.status()).orElse("gone");
    }

    /** Folds a Msg into {@link #folded} and runs the effects the core asks for, as a front-end does. */
    private void send(Msg m) {
        Next next = Update.apply(folded, m);
        folded = next.state();
        next.effects().stream().filter(e -> effects.kinds().contains(e.getClass())).forEach(effects::run);
    }

    /** Waits for the first Msg that matches, folding every Msg into {@link #folded} first; fails after 20 s. */
    private Msg await(Predicate<Msg> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<Msg> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Msg m = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (m != null) {
                seen.add(m);
                send(m);
                if (wanted.test(m)) {
                    return m;
                }
            }
        }
        throw new AssertionError("no matching Msg in 20 s; saw " + seen);
    }

    /**
     * Waits until the action's pane, as the core folds the effects' Msgs (what the learner would see), changes
     * into one that matches.
     */
    private ActionPane awaitPane(Action action, Predicate<ActionPane> wanted) throws InterruptedException {
        ActionPane[] last = {folded.actions().get(action)};
        await(m -> {
            ActionPane now = folded.actions().get(action);
            boolean changed = now != last[0];
            last[0] = now;
            return changed && wanted.test(now);
        });
        return last[0];
    }

    /** The pane's text as both front-ends show it: its board (if any), then its lines. */
    private static List<String> text(ActionPane pane) {
        return BoardText.pane(pane, false);
    }

    private static boolean shows(ActionPane pane, String part) {
        return text(pane).stream().anyMatch(l -> l.contains(part));
    }

    @Test
    void theEmbeddedLocalCloudsTeardownListSaysNothingAboutEcrWhichItNeverServes() throws Exception {
        effects.run(new Effect.TeardownInventory());
        Msg.TeardownListed listed = (Msg.TeardownListed) await(m -> m instanceof Msg.TeardownListed);
        assertThat(listed.warnings()).noneMatch(w -> w.contains("ECR"));
    }

    private List<TeardownItem> inventory() throws InterruptedException {
        effects.run(new Effect.TeardownInventory());
        return ((Msg.TeardownListed) await(m -> m instanceof Msg.TeardownListed)).items();
    }

    private static TeardownItem named(List<TeardownItem> items, String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void pickingOnlyADashboardDeletesOnlyThatDashboardAndSaysWhatWasKept() throws Exception {
        deploy(VPC_ONLY);
        dashboard(stack + "-front-node");
        dashboard(stack + "-extra");
        dashboard("someone-elses");
        List<TeardownItem> items = inventory();
        assertThat(items).extracting(TeardownItem::name).containsExactlyInAnyOrder(stack, stack + "-front-node", stack + "-extra");
        assertThat(items).allMatch(TeardownItem::picked);

        effects.run(new Effect.DeletePicked(List.of(named(items, stack + "-front-node"))));
        ActionPane done = awaitPane(Action.TEARDOWN, p -> p.status() != Status.IN_PROGRESS);

        assertThat(done.status()).as(String.join("\n", text(done))).isEqualTo(Status.OK);
        assertThat(text(done)).contains("[+] Verified: everything you picked is gone.", "Kept, as you chose (x lists them again):")
                .anyMatch(l -> l.equals("  - " + stack + "  (CloudFormation stack, CREATE_COMPLETE, chapter 0-prelude)"))
                .anyMatch(l -> l.equals("  - " + stack + "-extra  (CloudWatch dashboard, exists)"))
                .anyMatch(l -> l.contains("Deleted dashboard " + stack + "-front-node."));
        assertThat(dashboards()).containsExactlyInAnyOrder("someone-elses", stack + "-extra");
        assertThat(stackStatus()).isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void pickingOnlyTheStackDeletesTheStackWithProgressAndKeepsTheDashboards() throws Exception {
        deploy(VPC_ONLY);
        dashboard(stack + "-front-node");
        List<TeardownItem> items = inventory();

        effects.run(new Effect.DeletePicked(List.of(named(items, stack))));
        ActionPane progress = awaitPane(Action.TEARDOWN, p -> p.status() == Status.IN_PROGRESS);
        assertThat(text(progress).get(0)).startsWith("Teardown of " + stack);
        ActionPane done = awaitPane(Action.TEARDOWN, p -> p.status() != Status.IN_PROGRESS);

        assertThat(done.status()).as(String.join("\n", text(done))).isEqualTo(Status.OK);
        assertThat(text(done)).anyMatch(l -> l.contains("DELETE_COMPLETE"))
                .contains("[+] Verified: everything you picked is gone.")
                .anyMatch(l -> l.equals("  - " + stack + "-front-node  (CloudWatch dashboard, exists)"));
        assertThat(stackStatus()).isEqualTo("gone");
        assertThat(dashboards()).containsExactly(stack + "-front-node");
        assertThat(((Msg.DeployedOnTarget) await(m -> m instanceof Msg.DeployedOnTarget)).chapterId())
                .as("the target is checked again, so a deployed mark does not outlive the stack").isEmpty();

        effects.run(new Effect.DeletePicked(List.of(named(inventory(), stack + "-front-node"))));
        ActionPane all = awaitPane(Action.TEARDOWN, p -> p.status() != Status.IN_PROGRESS);
        assertThat(text(all)).contains("[+] Verified: nothing the tutorial created is left on this target.");
        assertThat(dashboards()).isEmpty();
    }

    @Test
    void nothingPickedDeletesNothingAndSomethingNotOursIsRefused() throws Exception {
        deploy(VPC_ONLY);
        dashboard("someone-elses");
        send(new Msg.ShowAction(Action.TEARDOWN)); // x: the menu, everything picked
        await(m -> m instanceof Msg.TeardownListed);
        send(new Msg.KeyPressed(Key.ch('a'))); // unpick all
        send(new Msg.KeyPressed(Key.ch('y')));
        assertThat(text(folded.actions().get(Action.TEARDOWN))).contains("Nothing was picked, so nothing was deleted.");

        effects.run(new Effect.DeletePicked(List.of(new TeardownItem("CloudWatch dashboard", "someone-elses", "exists", true))));
        ActionPane refused = awaitPane(Action.TEARDOWN, p -> p.status() != Status.IN_PROGRESS);
        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(String.join(" ", text(refused))).contains("someone-elses is not the tutorial's; not deleting it");
        assertThat(dashboards()).containsExactly("someone-elses");
        assertThat(stackStatus()).isEqualTo("CREATE_COMPLETE");
    }

    /** Starts an update that stays UPDATE_IN_PROGRESS until the gate opens. */
    private void updateInFlight() {
        cfn.updateStack(b -> b.stackName(stack).templateBody(VPC_AND_GATED));
        assertThat(stackStatus()).isEqualTo("UPDATE_IN_PROGRESS");
    }

    @Test
    void aStackBusyInAnUpdateAsksAndWaitingShowsItsStatusThenPlans() throws Exception {
        deploy(VPC_ONLY);
        updateInFlight();
        effects.run(new Effect.PlanDeploy("0-prelude"));
        ActionPane asked = awaitPane(Action.DEPLOY, p -> p.question() != ActionPane.Question.NONE);
        assertThat(asked.question()).isEqualTo(ActionPane.Question.STACK_BUSY);
        assertThat(text(asked).get(0)).contains("is busy (UPDATE_IN_PROGRESS)");
        assertThat(String.join(" ", text(asked))).contains("Cancel: CloudFormation rolls that update back");

        effects.run(new Effect.AnswerBusyStack(Effect.BusyChoice.WAIT, PRELUDE));
        // Open the gate only once the wait itself has seen the update running (not just the first frame).
        ActionPane waiting = awaitPane(Action.DEPLOY, p -> p.status() == Status.IN_PROGRESS
                && text(p).contains("Statuses seen:") && text(p).stream().anyMatch(l -> l.endsWith("s  UPDATE_IN_PROGRESS")));
        assertThat(text(waiting).get(0)).startsWith("Waiting for the stack " + stack);
        assertThat(text(waiting).get(1)).isEqualTo("[~] now UPDATE_IN_PROGRESS   (esc: cancel the update or keep waiting)");
        gated.gate.countDown();
        ActionPane settled = awaitPane(Action.DEPLOY, p -> shows(p, "settled after"));
        assertThat(text(settled).get(1)).startsWith("[+] now UPDATE_COMPLETE; planning chapter");
        assertThat(text(settled)).anyMatch(l -> l.endsWith("s  UPDATE_COMPLETE"));
        ActionPane plan = awaitPane(Action.DEPLOY, p -> p.question() != ActionPane.Question.NONE);
        assertThat(plan.question()).isEqualTo(ActionPane.Question.DEPLOY_CHANGES);
        assertThat(text(plan)).as("the change set removes W").anyMatch(l -> l.startsWith("  - W "));
        assertThat(stackStatus()).isEqualTo("UPDATE_COMPLETE");
    }

    @Test
    void cancellingTheBusyUpdateRollsItBackThenPlans() throws Exception {
        deploy(VPC_ONLY);
        updateInFlight();
        effects.run(new Effect.PlanDeploy("0-prelude"));
        awaitPane(Action.DEPLOY, p -> p.question() == ActionPane.Question.STACK_BUSY);

        effects.run(new Effect.AnswerBusyStack(Effect.BusyChoice.CANCEL, PRELUDE));
        ActionPane requested = awaitPane(Action.DEPLOY, p -> shows(p, "Cancel requested"));
        assertThat(requested.status()).isEqualTo(Status.IN_PROGRESS);
        gated.gate.countDown(); // the resource in flight returns; the engine then rolls it back
        ActionPane settled = awaitPane(Action.DEPLOY, p -> shows(p, "settled after"));
        assertThat(text(settled)).contains("  Cancel requested: CloudFormation rolls the stack back to the previous chapter.");
        assertThat(text(settled).get(1)).as("rolled back, not finished").startsWith("[!] now UPDATE_ROLLBACK_COMPLETE;");
        ActionPane planned = awaitPane(Action.DEPLOY, p -> p.status() != Status.IN_PROGRESS);
        assertThat(text(planned)).as("planned after the rollback: the stack is the chapter's template again")
                .contains("[+] No changes: chapter 0-prelude is already deployed.");
        assertThat(stackStatus()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
    }

    @Test
    void aCreateInProgressCannotBeCancelledSoOnlyWaitOrLeaveAreOfferedAndLeaveLeavesIt() throws Exception {
        cfn.createStack(b -> b.stackName(stack).templateBody(VPC_AND_GATED));
        assertThat(stackStatus()).isEqualTo("CREATE_IN_PROGRESS");
        effects.run(new Effect.PlanDeploy("0-prelude"));
        ActionPane asked = awaitPane(Action.DEPLOY, p -> p.question() != ActionPane.Question.NONE);
        assertThat(asked.question()).isEqualTo(ActionPane.Question.STACK_BUSY_NO_CANCEL);
        assertThat(String.join(" ", text(asked))).contains("Cancelling is not possible")
                .contains("a stack in CREATE_IN_PROGRESS has to run to its end");

        effects.run(new Effect.AnswerBusyStack(Effect.BusyChoice.LEAVE, PRELUDE));
        ActionPane left = awaitPane(Action.DEPLOY, p -> true);
        assertThat(text(left).get(0)).isEqualTo("Left the stack " + stack + " alone (CREATE_IN_PROGRESS).");
        assertThat(stackStatus()).isEqualTo("CREATE_IN_PROGRESS");
    }
}
