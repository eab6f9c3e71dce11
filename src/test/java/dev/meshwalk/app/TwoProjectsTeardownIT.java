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
                        Target.endpoint(endpoint), () -> { }), support, inbox::offer, false)) {
            actions.run(new Effect.TeardownInventory());
            Msg.TeardownListed listed = await(inbox, m -> m instanceof Msg.TeardownListed l ? l : null);
            assertThat(listed.items()).extracting(TeardownItem::name).containsExactly("meshwalk-" + alpha);
            assertThat(listed.warnings()).anyMatch(w -> w.startsWith("Not ours, left alone: stack meshwalk-" + beta));
            actions.run(new Effect.DeletePicked(listed.items()));
            Msg.PaneConcluded done = await(inbox, m -> m instanceof Msg.PaneConcluded c && c.action() == Action.TEARDOWN ? c : null);
            assertThat(done.status()).as(String.join("\n", done.lines())).isEqualTo(Status.OK);
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

    /** Takes Msgs for up to 3 minutes until {@code match} gives something; a failed teardown pane ends it early. */
    private static <T> T await(BlockingQueue<Msg> inbox, Function<Msg, T> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Msg m = inbox.poll(1, TimeUnit.SECONDS);
            if (m instanceof Msg.ActionPaneChanged p && p.pane().action() == Action.TEARDOWN
                    && p.pane().status() == Status.FAILED) {
                throw new AssertionError("the teardown failed: " + String.join("\n", p.pane().lines()));
            }
            T found = m == null ? null : match.apply(m);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("waited 3 minutes");
    }
}
