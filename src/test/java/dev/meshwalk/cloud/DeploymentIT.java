package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import dev.meshwalk.testsupport.RunningLocalCloud;

/**
 * The deploy path end to end through the real SDK against the embedded local cloud's CloudFormation: create
 * chapter 0, skip to chapter 3 (an update), redeploy 3 (no changes), tear down and prove nothing is left.
 */
@Tag("integration")
class DeploymentIT {

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.servingFresh(() -> List.of(
            RunningLocalCloud.cloudFormationWithoutDataPlane(), new CloudWatchService(new MetricStore()),
            new XRayService(new TraceStore())));
    private CloudSession session;
    private final String stack = "meshwalk-it" + Long.toString(System.nanoTime(), 36);

    @BeforeEach
    void connect() {
        session = CloudSession.local(CloudTarget.local(cloud.endpoint()));
    }

    @AfterEach
    void disconnect() {
        session.close();
    }

    private static String template(String chapter) throws IOException {
        try (InputStream in = DeploymentIT.class.getResourceAsStream("/stacks/" + chapter + ".yaml")) {
            assertThat(in).as("stacks/%s.yaml on the classpath", chapter).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Deployment deployment(String chapter) throws IOException {
        return new Deployment(session, new DeployRequest(stack, chapter, template(chapter), Map.of(
                "ProjectName", "it", "FrontAppImage", "front:latest", "ColorAppImage", "color:latest",
                "NotDeclaredAnywhere", "ignored")));
    }

    @Test
    void deployZeroThenSkipToThreeThenNothingToDoThenTeardown() throws IOException {
        Deployment zero = deployment("0-prelude");
        DeployPlan plan = zero.plan();
        assertThat(plan).isInstanceOf(DeployPlan.Ready.class);
        DeployPlan.Ready create = (DeployPlan.Ready) plan;
        assertThat(create.create()).isTrue();
        assertThat(create.changes()).isNotEmpty().allMatch(c -> c.action() == PlannedChange.Action.ADD);
        assertThat(create.changes()).anyMatch(c -> c.type().equals("AWS::ECS::Service"));

        List<DeployEvent> events = Collections.synchronizedList(new ArrayList<>());
        DeployOutcome created = zero.execute(create, events::add);
        assertThat(created.success()).as("outcome %s", created).isTrue();
        assertThat(created.finalStatus()).isEqualTo("CREATE_COMPLETE");
        assertThat(created.frontEndpoint()).hasValueSatisfying(url -> assertThat(url).startsWith("http"));
        assertThat(events).last().isInstanceOf(DeployEvent.Finished.class);
        List<DeployEvent.ResourceStatusChanged> resourceEvents = events.stream()
                .filter(DeployEvent.ResourceStatusChanged.class::isInstance).map(DeployEvent.ResourceStatusChanged.class::cast)
                .toList();
        assertThat(resourceEvents).anyMatch(e -> e.status().equals("CREATE_IN_PROGRESS"));
        assertThat(resourceEvents).anyMatch(e -> e.status().equals("CREATE_COMPLETE"));
        DeployEvent.ResourceStatusChanged lastResource = resourceEvents.get(resourceEvents.size() - 1);
        assertThat(lastResource.done()).isEqualTo(lastResource.total());
        assertThat(events).anyMatch(e -> e instanceof DeployEvent.StackStatusChanged s && s.status().equals("CREATE_COMPLETE"));

        StackInfo afterCreate = new Stacks(session).find(stack).orElseThrow();
        assertThat(afterCreate.chapter()).contains("0-prelude");
        assertThat(afterCreate.managedByTutorial()).isTrue();

        Deployment three = deployment("3-routing");
        DeployPlan.Ready update = (DeployPlan.Ready) three.plan();
        assertThat(update.create()).isFalse();
        assertThat(update.changes()).anyMatch(c -> c.action() == PlannedChange.Action.ADD)
                .anyMatch(c -> c.action() == PlannedChange.Action.MODIFY);
        DeployOutcome updated = three.execute(update, e -> { });
        assertThat(updated.success()).as("outcome %s", updated).isTrue();
        assertThat(updated.finalStatus()).isEqualTo("UPDATE_COMPLETE");
        assertThat(new Stacks(session).find(stack).orElseThrow().chapter()).contains("3-routing");
        assertThat(session.cloudWatch().listDashboards(b -> b.dashboardNamePrefix(stack)).dashboardEntries())
                .as("one dashboard per virtual node after chapter 3").extracting(d -> d.dashboardName())
                .containsExactlyInAnyOrder(stack + "-it-front-node", stack + "-it-color-node", stack + "-it-color-v2-node");

        assertThat(deployment("3-routing").plan()).isInstanceOf(DeployPlan.NoChanges.class);

        List<MetricSeries> metrics = new Metrics(session).forChapter(stack, "it", true, java.time.Duration.ofMinutes(5),
                java.time.Duration.ofSeconds(10));
        assertThat(metrics).extracting(MetricSeries::label).anyMatch(l -> l.startsWith("ALB ") && l.contains("RequestCount"));
        assertThat(new ServiceGraphs(session).lastMinutes(java.time.Duration.ofMinutes(5)).nodes()).isEmpty();

        session.cloudWatch().putDashboard(b -> b.dashboardName(stack + "-extra").dashboardBody("{\"widgets\":[]}"));
        session.cloudWatch().putDashboard(b -> b.dashboardName("someone-elses").dashboardBody("{\"widgets\":[]}"));
        Teardown teardown = new Teardown(session, stack);
        List<OwnedResource> ours = teardown.inventory();
        assertThat(ours).extracting(OwnedResource::name).contains(stack, stack + "-extra", stack + "-it-color-node")
                .doesNotContain("someone-elses");
        List<DeployEvent> deleteEvents = Collections.synchronizedList(new ArrayList<>());
        List<DeployOutcome> removed = teardown.remove(ours, deleteEvents::add);
        assertThat(removed).allMatch(DeployOutcome::success);
        assertThat(deleteEvents).anyMatch(e -> e instanceof DeployEvent.ResourceStatusChanged r
                && r.status().equals("DELETE_COMPLETE"));
        assertThat(teardown.leftovers()).isEmpty();
        assertThat(new Stacks(session).find(stack)).isEmpty();
        assertThat(session.cloudWatch().listDashboards(b -> { }).dashboardEntries())
                .extracting(d -> d.dashboardName()).containsExactly("someone-elses");
    }

    @Test
    void aFailedCreateReportsTheReasonAndCanBeDeletedAndCreatedAgain() throws IOException {
        Deployment failing = new Deployment(session, new DeployRequest(stack, "0-prelude",
                "Resources:\n  Broken:\n    Type: AWS::Nope::Nothing\n", Map.of()));
        DeployPlan.Ready plan = (DeployPlan.Ready) failing.plan();
        DeployOutcome outcome = failing.execute(plan, e -> { });
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.failures()).isNotEmpty();
        assertThat(outcome.failures().get(0).reason()).isNotBlank();
        assertThat(failing.currentStack().orElseThrow().condition()).isEqualTo(StackInfo.Condition.FAILED_CREATE);
        org.assertj.core.api.Assertions.assertThatThrownBy(failing::plan).isInstanceOf(DeployException.class)
                .hasMessageContaining("ROLLBACK_COMPLETE");

        assertThat(failing.deleteStack(e -> { }).success()).isTrue();
        DeployPlan again = deployment("0-prelude").plan();
        assertThat(again).isInstanceOfSatisfying(DeployPlan.Ready.class, r -> assertThat(r.create()).isTrue());
        deployment("0-prelude").discard((DeployPlan.Ready) again);
    }

    @Test
    void aDeclinedCreateLeavesNoStackBehind() throws IOException {
        Deployment zero = deployment("0-prelude");
        DeployPlan.Ready plan = (DeployPlan.Ready) zero.plan();
        zero.discard(plan);
        Optional<StackInfo> left = new Stacks(session).find(stack);
        assertThat(left.map(StackInfo::condition).orElse(StackInfo.Condition.GONE)).isEqualTo(StackInfo.Condition.GONE);
    }

    @Test
    void aBrokenTemplateIsRefusedWithTheReason() {
        Deployment broken = new Deployment(session, new DeployRequest(stack, "0-prelude",
                "Resources: [this is: not a template\n", Map.of()));
        org.assertj.core.api.Assertions.assertThatThrownBy(broken::plan)
                .isInstanceOf(DeployException.class).hasMessageContaining("0-prelude");
    }
}
