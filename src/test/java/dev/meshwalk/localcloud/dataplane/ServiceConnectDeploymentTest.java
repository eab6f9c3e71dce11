package dev.meshwalk.localcloud.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.dataplane.ecs.ContainerSpec;
import dev.meshwalk.localcloud.dataplane.ecs.DeploymentConfigSpec;
import dev.meshwalk.localcloud.dataplane.ecs.Ecs;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceDeployment;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinitionSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskInfo;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnectConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service Connect and ECS deployments with the real demo apps on a fast clock: front reaches color by its alias
 * through the proxies ECS adds; a canary deployment moves through its stages with the split the proxies apply and
 * ends SUCCESSFUL; a deployment whose alarm fires is rolled back to the previous revision, with the alarm named.
 */
class ServiceConnectDeploymentTest {

    private static final String CLUSTER = "howto-ecs-basics";
    private static final String NAMESPACE = "howto-ecs-basics.sc";
    private static final ServiceConnectConfig COLOR_SERVER = new ServiceConnectConfig(NAMESPACE, List.of(
            new ServiceConnectConfig.Server("color-http", "color",
                    List.of(new ServiceConnectConfig.ClientAlias("color", 8080)), null)));

    private final FakeApps apps = new FakeApps();
    private volatile boolean alarmFiring;
    private DataPlane dataPlane;
    private Ecs ecs;

    @BeforeEach
    void start() throws Exception {
        dataPlane = DataPlane.start(DataPlaneConfig.defaults(apps.realApps()).withTimings(TestDataPlanes.FAST)
                .withAlarms(names -> alarmFiring ? List.copyOf(names) : List.of()));
        ecs = dataPlane.ecs();
        ecs.createCluster(CLUSTER);
    }

    @AfterEach
    void stop() {
        dataPlane.close();
    }

    private TaskDefinition color(String color) {
        return ecs.registerTaskDefinition(new TaskDefinitionSpec("howto-ecs-basics-color", List.of(
                new ContainerSpec("app", "color:latest", true, Map.of("COLOR", color, "PORT", "8080"), List.of(8080),
                        List.of(), null, List.of(new ContainerSpec.NamedPort("color-http", 8080, "http")))), null));
    }

    private static DeploymentConfigSpec canary(List<String> alarms) {
        return new DeploymentConfigSpec(DeploymentConfigSpec.Strategy.CANARY, 100, 200, 50.0, 30, 1, false, false,
                alarms, !alarms.isEmpty(), !alarms.isEmpty());
    }

    private ServiceSpec colorSpec(TaskDefinition definition, DeploymentConfigSpec deployment) {
        return new ServiceSpec(CLUSTER, "color", definition.arn(), 2, List.of(), List.of(), "FARGATE", COLOR_SERVER,
                deployment);
    }

    /** Front's one task, whose app calls {@code color:8080} through its Service Connect proxy. */
    private String frontUrl() throws Exception {
        TaskDefinition front = ecs.registerTaskDefinition(new TaskDefinitionSpec("howto-ecs-basics-front", List.of(
                new ContainerSpec("app", "front:latest", true, Map.of("COLOR_HOST", "color:8080", "PORT", "8080"),
                        List.of(8080), List.of(), null)), null));
        EcsService service = ecs.createService(new ServiceSpec(CLUSTER, "front", front.arn(), 1, List.of(), List.of(),
                "FARGATE", new ServiceConnectConfig(NAMESPACE, List.of()), null));
        service.steadyState().get(20, TimeUnit.SECONDS);
        TaskInfo task = service.tasks().get(0);
        return "http://" + task.address() + ":" + task.hostPorts().get("app:8080") + "/color";
    }

    private Map<String, Integer> colors(String url, int requests) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            var r = TestDataPlanes.get(url);
            String body = r.body();
            counts.merge(r.statusCode() == 200 ? body.substring(body.indexOf(":\"") + 2, body.indexOf("\",")) : "error",
                    1, Integer::sum);
        }
        return counts;
    }

    private static ServiceDeployment newest(EcsService service) {
        return service.serviceDeployments().get(0);
    }

    @Test
    void aCanaryShiftsHalfThenAllOfTheTrafficAndEndsSuccessful() throws Exception {
        TaskDefinition green = color("green");
        EcsService service = ecs.createService(colorSpec(green, DeploymentConfigSpec.defaults()));
        service.steadyState().get(20, TimeUnit.SECONDS);
        String front = frontUrl();
        assertThat(colors(front, 20)).containsExactly(Map.entry("green", 20));
        assertThat(service.tasks()).allSatisfy(t -> assertThat(t.hostPorts()).isNotEmpty());

        TaskDefinition blue = color("blue");
        ecs.updateService(colorSpec(blue, canary(List.of())));
        ServiceDeployment started = newest(service);
        assertThat(started.status()).isEqualTo(ServiceDeployment.Status.IN_PROGRESS);
        assertThat(started.sourceRevisions()).extracting(ServiceDeployment.Revision::taskDefinitionArn)
                .containsExactly(green.arn());
        assertThat(started.targetRevision().taskDefinitionArn()).isEqualTo(blue.arn());

        TestDataPlanes.await("the canary phase", Duration.ofSeconds(20),
                () -> newest(service).lifecycleStage().equals("PRODUCTION_TRAFFIC_SHIFT")
                        || newest(service).status().isFinal());
        ServiceDeployment canary = newest(service);
        if (canary.lifecycleStage().equals("PRODUCTION_TRAFFIC_SHIFT")) { // a loaded machine may have moved on
            assertThat(canary.targetTrafficPercent()).isEqualTo(50.0);
            assertThat(canary.phaseEndsAt()).isNotNull();
        }

        service.steadyState().get(30, TimeUnit.SECONDS);
        ServiceDeployment done = newest(service);
        assertThat(done.status()).isEqualTo(ServiceDeployment.Status.SUCCESSFUL);
        assertThat(done.targetTrafficPercent()).isEqualTo(100.0);
        assertThat(done.alarms().status()).isEqualTo("DISABLED");
        assertThat(service.trafficSplit()).isEmpty();
        assertThat(service.tasks()).extracting(TaskInfo::taskDefinitionArn).containsOnly(blue.arn());
        assertThat(colors(front, 20)).containsExactly(Map.entry("blue", 20));
        assertThat(service.serviceDeployments()).hasSize(2);
    }

    @Test
    void aDeploymentWhoseAlarmFiresIsRolledBackToThePreviousRevisionNamingTheAlarm() throws Exception {
        TaskDefinition green = color("green");
        EcsService service = ecs.createService(colorSpec(green, DeploymentConfigSpec.defaults()));
        service.steadyState().get(20, TimeUnit.SECONDS);
        String front = frontUrl();

        ecs.updateService(colorSpec(color("blue"), canary(List.of("color-5xx"))));
        var outcome = service.steadyState();
        TestDataPlanes.await("the canary phase", Duration.ofSeconds(20),
                () -> newest(service).lifecycleStage().equals("PRODUCTION_TRAFFIC_SHIFT"));
        alarmFiring = true;

        assertThatThrownBy(() -> outcome.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("CloudWatch alarm(s) color-5xx in ALARM")
                .hasMessageContaining("rolling back to " + green.arn());
        TestDataPlanes.await("the rollback", Duration.ofSeconds(20),
                () -> newest(service).status() == ServiceDeployment.Status.ROLLBACK_SUCCESSFUL);
        ServiceDeployment rolledBack = newest(service);
        assertThat(rolledBack.rollback().reason()).contains("color-5xx");
        assertThat(rolledBack.alarms().status()).isEqualTo("TRIGGERED");
        assertThat(rolledBack.alarms().triggeredAlarmNames()).containsExactly("color-5xx");
        assertThat(service.taskDefinitionArn()).isEqualTo(green.arn());
        TestDataPlanes.await("blue's tasks gone", Duration.ofSeconds(20),
                () -> service.tasks().stream().allMatch(t -> t.taskDefinitionArn().equals(green.arn())));
        assertThat(colors(front, 20)).containsExactly(Map.entry("green", 20));
    }

    @Test
    void aCanaryNeedsServiceConnectLocally() {
        TaskDefinition green = color("green");
        assertThatThrownBy(() -> new ServiceSpec(CLUSTER, "color", green.arn(), 2, List.of(), List.of(), "FARGATE",
                null, canary(List.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("InvalidParameterException").hasMessageContaining("Service Connect");
        assertThatThrownBy(() -> new DeploymentConfigSpec(DeploymentConfigSpec.Strategy.CANARY, 100, 200, 0.05, 10, 0,
                false, false, List.of(), false, false)).hasMessageContaining("CanaryPercent must be a multiple of 0.1");
    }
}
