package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.meshwalk.testsupport.RunningLocalCloud;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Moving between chapters on the local cloud with its data plane, seen through ECS's own API: chapter 1's
 * {@code LoadBalancers: []} takes color off the internal load balancer and back is {@code ServiceRegistries: []};
 * and a bad update (color's tasks cannot start) trips the circuit breaker, rolls the service back and fails the stack
 * update, instead of waiting for hours.
 */
@Tag("integration")
class ChapterTransitionsIT {

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private CloudSession session;
    private EcsClient ecs;
    private final String project = "ct" + Long.toString(System.nanoTime() % 1_000_000, 36);
    private final String stack = DeployRequest.stackNameFor(project);

    @BeforeEach
    void connect() {
        session = CloudSession.local(CloudTarget.local(cloud.endpoint()));
        ecs = cloud.client(EcsClient.builder());
    }

    @AfterEach
    void disconnect() {
        Teardown teardown = new Teardown(session, stack);
        teardown.remove(teardown.inventory(), e -> { });
        ecs.close();
        session.close();
    }

    private static String template(String chapter) throws IOException {
        try (InputStream in = ChapterTransitionsIT.class.getResourceAsStream("/stacks/" + chapter + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private DeployOutcome deploy(String chapter, String templateBody) {
        Deployment d = new Deployment(session, new DeployRequest(stack, chapter, templateBody, Map.of(
                "ProjectName", project, "FrontAppImage", "front:latest", "ColorAppImage", "color:latest")));
        return d.execute((DeployPlan.Ready) d.plan(), e -> { });
    }

    private Service color() {
        String arn = new Stacks(session).physicalIds(stack, "AWS::ECS::Service").get("ColorService");
        return ecs.describeServices(b -> b.cluster(project).services(arn)).services().get(0);
    }

    @Test
    void chapterOneClearsColorsLoadBalancersAndChapterZeroItsServiceRegistries() throws IOException {
        assertThat(deploy("0-prelude", template("0-prelude")).success()).isTrue();
        assertThat(color().loadBalancers()).hasSize(1);
        assertThat(color().serviceRegistries()).isEmpty();

        DeployOutcome one = deploy("1-servicediscovery", template("1-servicediscovery"));
        assertThat(one.success()).as("%s", one).isTrue();
        assertThat(color().loadBalancers()).as("LoadBalancers: [] removes them").isEmpty();
        assertThat(color().serviceRegistries()).hasSize(1);

        DeployOutcome back = deploy("0-prelude", template("0-prelude"));
        assertThat(back.success()).as("%s", back).isTrue();
        assertThat(color().serviceRegistries()).as("ServiceRegistries: [] removes them").isEmpty();
        assertThat(color().loadBalancers()).hasSize(1);
    }

    @Test
    void anUpdateWhoseTasksCannotStartTripsTheCircuitBreakerAndRollsBack() throws IOException {
        assertThat(deploy("0-prelude", template("0-prelude")).success()).isTrue();
        String before = color().taskDefinition();

        // color without its COLOR: the app refuses to start, so every new task fails
        String broken = template("0-prelude").replace("            - Name: COLOR\n              Value: green\n", "");
        assertThat(broken).isNotEqualTo(template("0-prelude"));
        DeployOutcome outcome = deploy("0-prelude", broken);

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.finalStatus()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
        assertThat(outcome.failures().toString()).contains("circuit breaker");
        Service color = color();
        assertThat(color.taskDefinition()).isEqualTo(before);
        assertThat(color.runningCount()).isEqualTo(color.desiredCount());
    }
}
