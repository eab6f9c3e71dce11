package dev.meshwalk.app;

import static dev.meshwalk.testsupport.InProcessMain.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.OwnedResource;
import dev.meshwalk.cloud.TaggedEc2Resources;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.testsupport.CoreDriver;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Status;
import dev.meshwalk.core.Target;
import dev.meshwalk.core.TeardownItem;
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
 * Two projects on one endpoint, as in a shared workshop account: tearing one down, from the teardown menu or with
 * {@code teardown --yes}, deletes only its own stack; the other project's stack (tagged as the tutorial's too) is
 * named as left alone, stays whole, and its EC2 resources are never reported as this project's leftovers.
 */
@Tag("integration")
class TwoProjectsTeardownIT {

    @TempDir
    Path state;

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private String endpoint;
    private final String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
    private final String alpha = "alpha" + suffix;
    private final String beta = "beta" + suffix;

    @BeforeEach
    void start() {
        System.setProperty("meshwalk.stateDir", state.toString());
        endpoint = cloud.endpoint().toString();
    }

    @AfterEach
    void stop() {
        System.clearProperty("meshwalk.stateDir");
    }

    private static final java.time.Duration WAIT = java.time.Duration.ofMinutes(3);

    @Test
    void tearingDownOneProjectLeavesTheOtherProjectsStackWholeFromTheMenuAndFromTeardownYes() throws Exception {
        deploy(alpha);
        deploy(beta);
        assertThat(ec2Of(alpha)).as("each project's check sees only its own network").isNotEmpty()
                .doesNotContainAnyElementsOf(ec2Of(beta));

        // The teardown menu (x, then y on everything listed).
        TutorialActionSupport support = TutorialActionSupport.fromEnvironment(Map.of("MESHWALK_PROJECT", alpha));
        BlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
        try (CloudSession session = CloudSession.local(CloudTarget.endpoint(URI.create(endpoint), CloudTarget.LOCAL_REGION,
                        Optional.empty()));
                ActionEffects actions = new ActionEffects(progress -> new TargetConnector.Connection(session,
                        Target.endpoint(endpoint), () -> { }), support, inbox::offer)) {
            CoreDriver learner = new CoreDriver(State.initial(List.of(), new Size(100, 30), false, Target.endpoint(endpoint),
                    "log"), inbox, CoreDriver.actionsOf(actions));
            actions.run(new Effect.TeardownInventory());
            Msg.TeardownListed listed = learner.await(Msg.TeardownListed.class, WAIT);
            assertThat(listed.items()).extracting(TeardownItem::name).containsExactly("meshwalk-" + alpha);
            assertThat(listed.warnings()).anyMatch(w -> w.startsWith("Not ours, left alone: stack meshwalk-" + beta));
            actions.run(new Effect.DeletePicked(listed.items()));
            learner.awaitPane(Action.TEARDOWN, p -> p.status() != Status.IN_PROGRESS, WAIT);
            ActionPane done = learner.pane(Action.TEARDOWN);
            assertThat(done.status()).as(String.join("\n", learner.text(Action.TEARDOWN))).isEqualTo(Status.OK);
        }
        assertThat(liveStacks()).contains("meshwalk-" + beta).doesNotContain("meshwalk-" + alpha);
        assertThat(ec2Of(beta)).as("beta's network is untouched").isNotEmpty();

        // The scripted teardown --yes.
        deploy(alpha);
        Run teardown = run("--endpoint-url", endpoint, "teardown", "--yes", "--project", alpha);
        assertThat(teardown.code()).as(teardown.output()).isZero();
        assertThat(teardown.output()).contains("Not ours, left alone: stack meshwalk-" + beta)
                .contains("Verified: nothing tagged");
        assertThat(liveStacks()).contains("meshwalk-" + beta).doesNotContain("meshwalk-" + alpha);
        assertThat(ec2Of(beta)).isNotEmpty();

        Run last = run("--endpoint-url", endpoint, "teardown", "--yes", "--project", beta);
        assertThat(last.code()).as(last.output()).isZero();
        assertThat(liveStacks()).doesNotContain("meshwalk-" + beta);
    }

    private void deploy(String project) {
        Run deploy = run("--endpoint-url", endpoint, "deploy", "0", "--yes", "--project", project);
        assertThat(deploy.code()).as(deploy.output()).isZero();
    }

    private List<String> ec2Of(String project) {
        try (CloudSession s = CloudSession.local(CloudTarget.local(URI.create(endpoint)))) {
            return new TaggedEc2Resources(s).remaining("meshwalk-" + project).stream().map(OwnedResource::name).toList();
        }
    }

    private List<String> liveStacks() {
        try (CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            return cfn.describeStacks().stacks().stream().filter(s -> !"DELETE_COMPLETE".equals(s.stackStatusAsString()))
                    .map(Stack::stackName).toList();
        }
    }
}
