package dev.meshwalk.cloud;

import dev.meshwalk.facts.EcsDeployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.meshwalk.testsupport.RunningLocalCloud;

/**
 * The deploy of chapter 5 over chapter 4 on the embedded local cloud, as the deploy pane follows it: while
 * CloudFormation waits on the color service, the ECS canary is read through ListServiceDeployments and
 * DescribeServiceDeployments and reported phase by phase (the canary share with its bake time on the compressed
 * clock, the alarm's CloudWatch state, then completed). Chapter 4's rolling deployments are not reported.
 */
@Tag("integration")
class ServiceDeploymentFollowerIT {

    /** 6 template minutes: 3 s on the local cloud's clock, enough for a few polls in the canary phase. */
    private static final String BAKE_MINUTES = "6";

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private CloudSession session;

    @BeforeEach
    void connect() {
        session = CloudSession.local(CloudTarget.local(cloud.endpoint()));
    }

    @AfterEach
    void disconnect() {
        session.close();
    }

    @Test
    void theCanaryOfChapterFiveIsReportedPhaseByPhaseWhileTheStackWaits() throws IOException {
        List<DeployEvent> four = deploy("4-serviceconnect", Map.of());
        assertThat(four).noneMatch(DeployEvent.ServiceDeploymentChanged.class::isInstance);

        List<DeployEvent> five = deploy("5-canary", Map.of("CanaryBakeTimeInMinutes", BAKE_MINUTES));
        List<EcsDeployment> seen = five.stream().filter(DeployEvent.ServiceDeploymentChanged.class::isInstance)
                .map(e -> ((DeployEvent.ServiceDeploymentChanged) e).deployment()).toList();
        assertThat(seen).isNotEmpty().allSatisfy(d -> {
            assertThat(d.service()).isEqualTo("howto-ecs-basics-color");
            assertThat(d.strategy()).isEqualTo("CANARY");
            assertThat(d.canaryPercent()).isEqualTo(50.0);
            assertThat(d.alarms()).extracting(EcsDeployment.Alarm::name).containsExactly("howto-ecs-basics-color-5xx");
        });
        assertThat(seen).as("the canary phase, its bake time on the compressed clock (6 min / 120)")
                .anySatisfy(d -> {
                    assertThat(d.status()).isEqualTo("IN_PROGRESS");
                    assertThat(d.newTrafficPercent()).hasValue(50.0);
                    assertThat(d.phaseLength()).hasValue(Duration.ofSeconds(3));
                    assertThat(d.phaseLeft()).hasValueSatisfying(left -> assertThat(left).isLessThanOrEqualTo(Duration.ofSeconds(3)));
                    assertThat(d.alarmMonitoring()).isEqualTo("MONITORING");
                });
        assertThat(seen.get(seen.size() - 1).status()).as("the last report").isEqualTo("SUCCESSFUL");
        assertThat(seen.get(seen.size() - 1).newTrafficPercent()).hasValue(100.0);
        int canaryAt = indexOf(five, d -> d.newTrafficPercent().orElse(0) == 50);
        int serviceDone = indexOf(five, null);
        assertThat(canaryAt).as("the canary is reported before CloudFormation finishes the service").isLessThan(serviceDone);
    }

    @Test
    void aServiceReplacedByTheNextChapterIsNotFollowedWhileItIsDeleted() throws IOException {
        deploy("5-canary", Map.of("CanaryBakeTimeInMinutes", BAKE_MINUTES));

        List<DeployEvent> zero = deploy("0-prelude", Map.of());

        assertThat(zero).as("chapter 0 replaces the color service; deleting chapter 5's is no canary to show")
                .noneMatch(DeployEvent.ServiceDeploymentChanged.class::isInstance);
        assertThat(zero).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DeployEvent.ResourceStatusChanged.class,
                r -> assertThat(r.status()).isEqualTo("DELETE_COMPLETE")));
    }

    private static int indexOf(List<DeployEvent> events, java.util.function.Predicate<EcsDeployment> canary) {
        for (int i = 0; i < events.size(); i++) {
            DeployEvent e = events.get(i);
            if (canary != null && e instanceof DeployEvent.ServiceDeploymentChanged d && canary.test(d.deployment())
                    || canary == null && e instanceof DeployEvent.ResourceStatusChanged r
                    && r.logicalId().equals("ColorService") && r.status().equals("UPDATE_COMPLETE")) {
                return i;
            }
        }
        throw new AssertionError("not among the events: " + events);
    }

    private List<DeployEvent> deploy(String chapter, Map<String, String> parameters) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(Map.of("FrontAppImage", "front:latest", "ColorAppImage", "color:latest"));
        all.putAll(parameters);
        Deployment deployment = new Deployment(session, new DeployRequest("follow", chapter, template(chapter), all));
        List<DeployEvent> events = Collections.synchronizedList(new ArrayList<>());
        DeployOutcome outcome = deployment.execute((DeployPlan.Ready) deployment.plan(), events::add);
        assertThat(outcome.success()).as("%s: %s", chapter, outcome).isTrue();
        return List.copyOf(events);
    }

    private static String template(String chapter) throws IOException {
        try (InputStream in = ServiceDeploymentFollowerIT.class.getResourceAsStream("/stacks/" + chapter + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
