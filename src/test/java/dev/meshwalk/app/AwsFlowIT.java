package dev.meshwalk.app;

import static dev.meshwalk.testsupport.InProcessMain.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Status;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Target;
import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.testsupport.CoreDriver;
import dev.meshwalk.effects.ActionEffects;
import dev.meshwalk.effects.TargetConnector;
import dev.meshwalk.testsupport.InProcessMain.Run;
import dev.meshwalk.testsupport.RunningLocalCloud;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The AWS-only steps (preflight, cost notice, image step, ECR and EC2 teardown checks) run through the real SDK
 * against an embedded local cloud, forced on with the hidden {@code --aws-flow} (scripted) or the support's
 * images-on-any-target switch (interactive): the same calls a real account gets, proven on the wire. The local
 * cloud serves no IAM or ECR and of EC2 only DescribeTags, so the probe's facts come back unknown, teardown says it
 * could not check ECR, and its EC2 check (tags of the stack's network) is proven on the wire.
 */
@Tag("integration")
class AwsFlowIT {

    @TempDir
    Path state;

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private String endpoint;
    private final String project = "aws" + Long.toString(System.nanoTime() % 1_000_000, 36);

    @BeforeEach
    void start() {
        System.setProperty("meshwalk.stateDir", state.toString());
        endpoint = cloud.endpoint().toString();
    }

    @AfterEach
    void stop() {
        System.clearProperty("meshwalk.stateDir");
    }

    @Test
    void preflightCostNoticeDeployAndTeardownLeaveNothingBehind() {
        Run mesh = run("--endpoint-url", endpoint, "deploy", "2", "--yes", "--aws-flow", "--project", project);
        assertThat(mesh.code()).as(mesh.output()).isEqualTo(1);
        assertThat(mesh.output()).contains("App Mesh").contains("2026-09-30").contains("without --aws")
                .doesNotContain("Cost notice").doesNotContain("CREATE_IN_PROGRESS");
        assertThat(describeOurStacks()).as("nothing created after the App Mesh stop").isZero();

        Run deploy = run("--endpoint-url", endpoint, "deploy", "0", "--yes", "--aws-flow", "--skip-appmesh-preflight",
                "--project", project);
        assertThat(deploy.code()).as(deploy.output()).isZero();
        assertThat(deploy.output()).contains("Preflight for chapter 0-prelude")
                // the local cloud serves IAM's GetRole now: a fresh one has no ECS service-linked role until a cluster
                .contains("The ECS service-linked role AWSServiceRoleForECS is missing")
                // and STS: the caller is the local account's root user, whom the preflight does not simulate
                .contains("Permissions: the account's root user may perform every action")
                .contains("Cost notice: chapter 0-prelude").contains("2 NAT gateways").contains("Accepted with --yes")
                .contains("CREATE_COMPLETE").contains("Front endpoint: http");

        Run again = run("--endpoint-url", endpoint, "deploy", "0", "--yes", "--aws-flow", "--project", project);
        assertThat(again.code()).as(again.output()).isZero();
        assertThat(again.output()).as("the notice shows once per account and region").doesNotContain("Cost notice")
                .contains("No changes");

        assertThat(taggedEc2Resources()).as("the stack's network is tagged as ours on the wire (EC2 DescribeTags)")
                .anyMatch(n -> n.startsWith("vpc ")).anyMatch(n -> n.startsWith("natgateway "))
                .anyMatch(n -> n.startsWith("elastic-ip eipalloc-"));

        Run teardown = run("--endpoint-url", endpoint, "teardown", "--yes", "--aws-flow", "--project", project);
        assertThat(teardown.code()).as(teardown.output()).isZero();
        assertThat(teardown.output()).contains("DELETE_COMPLETE").contains("Could not check ECR repositories")
                .doesNotContain("Could not check EC2").contains("EC2 resources tagged").contains("Verified: nothing tagged");
        assertThat(describeOurStacks()).isZero();
        assertThat(taggedEc2Resources()).isEmpty();
    }

    /**
     * {@code --skip-images} never sends the local defaults to an account: on a new stack it stops before anything is
     * created and names the image options; with them it creates; afterwards it reuses what the stack runs, also
     * across a chapter change.
     */
    @Test
    void skipImagesStopsOnANewStackWithoutImageOptionsAndLaterReusesTheImagesTheStackRuns() {
        String front = "000000000000.dkr.ecr.us-east-1.amazonaws.com/" + project + "/front:0a1b2c3d4e5f6071";
        String color = "000000000000.dkr.ecr.us-east-1.amazonaws.com/" + project + "/color:8190a1b2c3d4e5f6";
        Run refused = run("--endpoint-url", endpoint, "deploy", "0", "--yes", "--aws-flow", "--skip-images",
                "--project", project);
        assertThat(refused.code()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("--skip-images builds no images").contains("--front-image")
                .contains("--color-image").doesNotContain("Cost notice");
        assertThat(describeOurStacks()).as("nothing created").isZero();

        Run created = run("--endpoint-url", endpoint, "deploy", "0", "--yes", "--aws-flow", "--skip-images",
                "--front-image", front, "--color-image", color, "--project", project);
        assertThat(created.code()).as(created.output()).isZero();
        assertThat(stackParameters()).containsEntry("FrontAppImage", front).containsEntry("ColorAppImage", color);

        Run moved = run("--endpoint-url", endpoint, "deploy", "1", "--yes", "--aws-flow", "--skip-images",
                "--project", project);
        assertThat(moved.code()).as(moved.output()).isZero();
        assertThat(moved.output()).contains("FrontAppImage: " + front + " (what meshwalk-" + project + " runs now)");
        assertThat(stackParameters()).containsEntry("FrontAppImage", front).containsEntry("ColorAppImage", color);

        Run teardown = run("--endpoint-url", endpoint, "teardown", "--yes", "--project", project);
        assertThat(teardown.code()).as(teardown.output()).isZero();
    }

    /**
     * The full-screen deploy on the --aws path, end to end: the preflight and cost estimate come first and
     * declining them creates nothing; once accepted (and remembered), Jib builds both apps on a base image
     * tarball (offline) and pushes them over HTTPS to a registry on loopback with upload progress in the deploy pane,
     * before the change set; the stack gets their references as FrontAppImage/ColorAppImage and the local cloud runs
     * them; planning again finds no changes and pushes nothing; the teardown menu then deletes the stack and its
     * final check finds nothing tagged as ours in EC2 (and says it could not check ECR here). A registry on
     * loopback stands in for ECR because the local cloud serves no ECR and no registry to push to.
     */
    private static final java.time.Duration WAIT = java.time.Duration.ofMinutes(3);

    @Test
    void interactiveDeployAsksAboutCostsThenPushesTheImagesBeforeTheChangeSetAndTeardownLeavesNothingTagged() throws Exception {
        LoopbackRegistry registry = new LoopbackRegistry(state);
        java.nio.file.Path base = dev.meshwalk.images.TestBaseImage.write(state.resolve("base.tar"));
        TutorialActionSupport support = new TutorialActionSupport(project,
                new AppImagePublisher("tar://" + base.toAbsolutePath(), dev.meshwalk.images.AppFiles::fromRunningClasspath),
                session -> registry, true);
        java.util.concurrent.LinkedBlockingQueue<Msg> inbox = new java.util.concurrent.LinkedBlockingQueue<>();
        // An --endpoint-url target, as the scripted test above: the embedded local cloud's own target is not asked
        // about ECR at all, an endpoint is (and this one answers that it does not serve it).
        CloudSession session = CloudSession.local(CloudTarget.endpoint(URI.create(endpoint), CloudTarget.LOCAL_REGION,
                java.util.Optional.empty()));
        TargetConnector connector = progress -> new TargetConnector.Connection(session, Target.endpoint(endpoint), () -> { });
        try (ActionEffects actions = new ActionEffects(connector, support, inbox::offer)) {
            // As a learner: open chapter 0, press d, answer with y or n.
            CoreDriver learner = new CoreDriver(State.initial(ChapterCatalog.packaged().chapters(), new Size(100, 30), false,
                    Target.endpoint(endpoint), "log"), inbox, CoreDriver.actionsOf(actions));
            learner.send(new Msg.OpenChapter(0));
            learner.send(new Msg.ShowAction(Action.DEPLOY));
            ActionPane costs = learner.awaitPane(Action.DEPLOY, p -> p.question() == ActionPane.Question.ACCEPT_COSTS, WAIT);
            assertThat(costs.lines()).anyMatch(l -> l.startsWith("Preflight for chapter 0-prelude"))
                    .anyMatch(l -> l.startsWith("Cost notice: chapter 0-prelude")).anyMatch(l -> l.contains("2 NAT gateways"));
            learner.key('n');
            ActionPane stopped = learner.pane(Action.DEPLOY);
            assertThat(stopped.question()).isEqualTo(ActionPane.Question.NONE);
            assertThat(stopped.status()).isEqualTo(Status.INFO);
            assertThat(stopped.lines()).contains("Stopped: nothing was created on AWS.");
            assertThat(registry.pushedManifests()).as("declining the costs pushes nothing").isEmpty();
            assertThat(describeOurStacks()).as("declining the costs creates no change set or stack").isZero();

            learner.send(new Msg.ShowAction(Action.DEPLOY));
            learner.awaitPane(Action.DEPLOY, p -> p.question() == ActionPane.Question.ACCEPT_COSTS, WAIT);
            assertThat(registry.pushedManifests()).as("nothing is pushed before the costs are accepted").isEmpty();
            learner.seen().clear();
            learner.key('y');
            ActionPane question = learner.awaitPane(Action.DEPLOY, p -> p.question() == ActionPane.Question.DEPLOY_CHANGES, WAIT);
            assertThat(learner.seen()).as("upload progress shown while the images were pushed")
                    .anyMatch(p -> p.status() == Status.IN_PROGRESS
                            && p.lines().stream().anyMatch(l -> l.matches("  image front: \\d+ % .*")));
            assertThat(question.lines()).contains("  image front: pushed.", "  image color: pushed.")
                    .anyMatch(l -> l.contains("Creating stack meshwalk-" + project));
            assertThat(registry.pushedManifests()).hasSize(2);

            learner.key('y');
            Msg.DeployConcluded finished = learner.await(Msg.DeployConcluded.class, WAIT);
            assertThat(finished.success()).as(String.join("\n", learner.text(Action.DEPLOY))).isTrue();
            java.util.Map<String, String> params = stackParameters();
            assertThat(params.get("FrontAppImage")).isEqualTo(registry.host() + "/" + registry.pushedManifests().get(0));
            assertThat(params.get("ColorAppImage")).isEqualTo(registry.host() + "/" + registry.pushedManifests().get(1));

            learner.send(new Msg.ShowAction(Action.DEPLOY));
            ActionPane again = learner.awaitPane(Action.DEPLOY,
                    p -> p.status() == Status.OK || p.question() != ActionPane.Question.NONE, WAIT);
            assertThat(again.question()).as("the accepted cost notice is remembered; the pane: %s", again.lines()).isEqualTo(ActionPane.Question.NONE);
            assertThat(again.lines()).anyMatch(l -> l.contains("No changes"));
            assertThat(registry.pushedManifests()).as("unchanged apps are not pushed again").hasSize(2);

            assertThat(taggedEc2Resources()).anyMatch(n -> n.startsWith("natgateway "));
            actions.run(new Effect.TeardownInventory());
            Msg.TeardownListed inventory = learner.await(Msg.TeardownListed.class, WAIT);
            assertThat(inventory.items()).anyMatch(i -> i.describe().contains("CloudFormation stack meshwalk-" + project))
                    .allMatch(dev.meshwalk.core.TeardownItem::picked);
            assertThat(inventory.warnings()).anyMatch(w -> w.contains("Could not check ECR repositories (" + project + "/*)"));
            actions.run(new Effect.DeletePicked(inventory.items())); // x then y: everything, as listed

            learner.await(Msg.TeardownVerified.class, WAIT);
            ActionPane done = learner.pane(Action.TEARDOWN);
            assertThat(done.status()).as(String.join("\n", done.lines())).isEqualTo(Status.OK);
            assertThat(done.lines()).anyMatch(l -> l.contains("Verified: nothing the tutorial created is left"))
                    .anyMatch(l -> l.contains("Could not check ECR repositories"))
                    .noneMatch(l -> l.contains("Could not check EC2"));
        } finally {
            registry.stop();
        }
        assertThat(describeOurStacks()).isZero();
        assertThat(taggedEc2Resources()).as("nothing tagged by our stack is left (EC2 DescribeTags)").isEmpty();
    }

    private java.util.Map<String, String> stackParameters() {
        try (CloudFormationClient cfn = cloudFormation()) {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            cfn.describeStacks(b -> b.stackName("meshwalk-" + project)).stacks().get(0).parameters()
                    .forEach(p -> out.put(p.parameterKey(), p.parameterValue()));
            return out;
        }
    }

    /** What teardown's final check finds in EC2 for our stack, asked through the same code on the wire. */
    private java.util.List<String> taggedEc2Resources() {
        try (CloudSession session = CloudSession.local(CloudTarget.local(URI.create(endpoint)))) {
            return new dev.meshwalk.cloud.TaggedEc2Resources(session).remaining("meshwalk-" + project).stream()
                    .map(dev.meshwalk.cloud.OwnedResource::name).toList();
        }
    }

    private long describeOurStacks() {
        try (CloudFormationClient cfn = cloudFormation()) {
            return cfn.describeStacks().stacks().stream().map(Stack::stackName)
                    .filter(n -> n.contains(project)).count();
        }
    }

    private CloudFormationClient cloudFormation() {
        return CloudFormationClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }
}
