package dev.meshwalk.localcloud.dataplane;

import static dev.meshwalk.localcloud.dataplane.TestDataPlanes.await;
import static dev.meshwalk.localcloud.dataplane.TestDataPlanes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryService;
import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryServiceSpec;
import dev.meshwalk.localcloud.dataplane.cloudmap.Namespace;
import dev.meshwalk.localcloud.dataplane.cloudmap.NamespaceSpec;
import dev.meshwalk.localcloud.dataplane.cloudmap.ServiceInstance;
import dev.meshwalk.localcloud.dataplane.ecs.ContainerSpec;
import dev.meshwalk.localcloud.dataplane.ecs.DeploymentConfigSpec;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceDeployment;
import dev.meshwalk.localcloud.dataplane.ecs.Ecs;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceDeploymentException;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceEvent;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinitionSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskInfo;
import dev.meshwalk.localcloud.dataplane.elb.HealthCheckSpec;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroupSpec;
import dev.meshwalk.localcloud.dataplane.elb.TargetHealth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EcsServiceTest {

    private final FakeApps apps = new FakeApps();
    private DataPlane dataPlane;
    private Ecs ecs;

    @BeforeEach
    void start() throws Exception {
        dataPlane = TestDataPlanes.start(apps);
        ecs = dataPlane.ecs();
        ecs.createCluster("howto-ecs-basics");
    }

    @AfterEach
    void stop() {
        dataPlane.close();
    }

    static TaskDefinitionSpec colorTask(String family, String color, String image) {
        return new TaskDefinitionSpec(family, List.of(
                new ContainerSpec("app", image, true, Map.of("COLOR", color, "PORT", "8080"), List.of(8080),
                        List.of(), null),
                new ContainerSpec("xray", "amazon/aws-xray-daemon", false, Map.of(), List.of(2000), List.of(), null)),
                null);
    }

    private EcsService colorService(int desired, List<ServiceSpec.LoadBalancerBinding> lbs,
                                    List<ServiceSpec.RegistryBinding> registries) {
        TaskDefinition def = ecs.registerTaskDefinition(colorTask("howto-ecs-basics-color", "green",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/howto-ecs-basics/colorapp:3f2a"));
        return ecs.createService(new ServiceSpec("howto-ecs-basics", "color", def.arn(), desired, lbs, registries));
    }

    private TargetGroup colorTargetGroup() {
        return dataPlane.loadBalancers().createTargetGroup(new TargetGroupSpec("color-tg", 8080,
                new HealthCheckSpec("/ping", 60, 5, 2, 2, "200"), 120));
    }

    /** Cloud Map service {@code color} in namespace {@code howto-ecs-basics.pvtdns}, A records. */
    private DiscoveryService colorDiscoveryService() {
        Namespace ns = dataPlane.cloudMap().createNamespace(new NamespaceSpec("howto-ecs-basics.pvtdns",
                NamespaceSpec.NamespaceType.PRIVATE_DNS));
        return dataPlane.cloudMap().createService(new DiscoveryServiceSpec(ns.id(), "color",
                List.of(new DiscoveryServiceSpec.DnsRecordSpec("A", 300))));
    }

    private static List<TaskInfo> running(EcsService service) {
        return service.tasks().stream().filter(t -> t.lastStatus().equals("RUNNING")).toList();
    }

    @Test
    void serviceRunsDesiredTasksEachOnItsOwnAddressOnTheContainerPort() throws Exception {
        EcsService service = colorService(3, List.of(), List.of());

        service.steadyState().get(10, TimeUnit.SECONDS);

        List<TaskInfo> tasks = running(service);
        assertThat(tasks).hasSize(3);
        assertThat(tasks.stream().map(TaskInfo::address).collect(Collectors.toSet())).hasSize(3);
        for (TaskInfo task : tasks) {
            assertThat(task.hostPorts()).containsEntry("app:8080", 8080);
            assertThat(get("http://" + task.address() + ":8080/").body()).isEqualTo("green");
        }
        assertThat(apps.started).allSatisfy(env -> assertThat(env)
                .containsKeys("BIND_ADDRESS", "DNS_SERVER")
                .containsEntry("DNS_SERVER", "127.0.0.1:" + dataPlane.dnsServer().getPort())
                .containsKey("AWS_XRAY_DAEMON_ADDRESS"));
        assertThat(service.events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.equals("(service color) has reached a steady state."));
    }

    @Test
    void stoppedTaskIsReplacedByANewOne() throws Exception {
        EcsService service = colorService(2, List.of(), List.of());
        service.steadyState().get(10, TimeUnit.SECONDS);
        String victim = running(service).get(0).taskArn();

        assertThat(ecs.stopTask(victim, "chaos test")).isTrue();

        await("a replacement task", Duration.ofSeconds(10), () -> running(service).size() == 2
                && running(service).stream().noneMatch(t -> t.taskArn().equals(victim)));
    }

    @Test
    void taskWhoseAppDiesIsReplacedAndTheReasonIsAnEvent() throws Exception {
        EcsService service = colorService(2, List.of(), List.of());
        service.steadyState().get(10, TimeUnit.SECONDS);
        FakeApps.Running app = apps.running.get(0);

        app.close(); // the app process "crashes"

        await("crash noticed and replaced", Duration.ofSeconds(10), () -> service.events().stream()
                .anyMatch(e -> e.message().contains("Essential container in task exited"))
                && running(service).size() == 2 && apps.running.size() == 2);
    }

    @Test
    void unknownImageFailsTheDeploymentQuicklyWithACannotPullReason() {
        TaskDefinition def = ecs.registerTaskDefinition(colorTask("bad", "green", "docker.io/library/nginx:1.27"));
        EcsService service = ecs.createService(new ServiceSpec("howto-ecs-basics", "bad", def.arn(), 2, List.of(), List.of()));

        assertThatThrownBy(() -> service.steadyState().get(3, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ServiceDeploymentException.class)
                .hasMessageContaining("CannotPullContainerError: image docker.io/library/nginx:1.27 is not known to the local cloud")
                .hasMessageContaining("colorapp");
        assertThat(service.events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.contains("CannotPullContainerError"));
        assertThat(service.stoppedTasks()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.stopCode()).isEqualTo("TaskFailedToStart");
            assertThat(t.containers()).filteredOn(c -> c.name().equals("app")).singleElement()
                    .satisfies(c -> assertThat(c.reason()).startsWith("CannotPullContainerError: image docker.io/"));
        });
    }

    /** The templates' setting: {@code DeploymentCircuitBreaker {Enable: true, Rollback: rollback}}. */
    private static DeploymentConfigSpec circuitBreaker(boolean rollback) {
        DeploymentConfigSpec d = DeploymentConfigSpec.defaults();
        return new DeploymentConfigSpec(d.strategy(), 100, 200, d.canaryPercent(), d.canaryBakeTimeInMinutes(),
                d.bakeTimeInMinutes(), true, rollback, List.of(), false, false);
    }

    private static ServiceSpec spec(String name, TaskDefinition def, int desired, DeploymentConfigSpec deployment) {
        return new ServiceSpec("howto-ecs-basics", name, def.arn(), desired, List.of(), List.of(), "FARGATE", null,
                deployment);
    }

    @Test
    void appThatNeverStartsTripsTheCircuitBreakerAtEcsThresholdOfThreeForASmallService() {
        apps.colorFailsToStart = true;
        TaskDefinition def = ecs.registerTaskDefinition(colorTask("cb", "green",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/howto-ecs-basics/colorapp:3f2a"));
        EcsService service = ecs.createService(spec("cb", def, 1, circuitBreaker(false)));

        assertThatThrownBy(() -> service.steadyState().get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(ServiceDeploymentException.class)
                .hasMessageContaining("circuit breaker: 3 tasks failed")
                .hasMessageContaining("COLOR is not set");
        assertThat(service.serviceDeployments().get(0).circuitBreaker())
                .isEqualTo(new ServiceDeployment.CircuitBreaker("TRIGGERED", 3, 3));
    }

    /** ECS's threshold is half the desired count, at least 3: a service of 10 gives up after 5 failed tasks. */
    @Test
    void aLargerServiceTripsAfterHalfItsDesiredCount() {
        apps.colorFailsToStart = true;
        TaskDefinition def = ecs.registerTaskDefinition(colorTask("cb10", "green",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/howto-ecs-basics/colorapp:3f2a"));
        EcsService service = ecs.createService(spec("cb10", def, 10, circuitBreaker(false)));

        assertThatThrownBy(() -> service.steadyState().get(10, TimeUnit.SECONDS))
                .cause().hasMessageContaining("circuit breaker: 5 tasks failed");
        assertThat(service.serviceDeployments().get(0).circuitBreaker().threshold()).isEqualTo(5);
    }

    /** Without the circuit breaker ECS keeps launching tasks that cannot start (the hours-long wait on AWS). */
    @Test
    void withoutTheCircuitBreakerFailingTasksAreRetriedPastTheThreshold() throws Exception {
        apps.colorFailsToStart = true;
        EcsService service = colorService(1, List.of(), List.of());

        await("more failed tasks than the threshold", Duration.ofSeconds(10), () -> service.stoppedTasks().size() > 4);
        assertThat(service.steadyState()).isNotDone();
        assertThat(service.serviceDeployments().get(0).circuitBreaker().status()).isEqualTo("DISABLED");
    }

    /**
     * A bad update with {@code Rollback: true}: the new revision's tasks fail, the deployment fails at the
     * threshold, and the service is back on the revision that worked, its tasks never stopped.
     */
    @Test
    void aFailingUpdateRollsBackToTheRevisionThatWorked() throws Exception {
        TaskDefinition good = ecs.registerTaskDefinition(colorTask("rb", "green",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/howto-ecs-basics/colorapp:3f2a"));
        EcsService service = ecs.createService(spec("rb", good, 2, circuitBreaker(true)));
        service.steadyState().get(10, TimeUnit.SECONDS);
        List<String> before = running(service).stream().map(TaskInfo::taskArn).toList();

        apps.colorFailsToStart = true;
        TaskDefinition bad = ecs.registerTaskDefinition(colorTask("rb", "blue",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/howto-ecs-basics/colorapp:9e9e"));
        EcsService updated = ecs.updateService(spec("rb", bad, 2, circuitBreaker(true)));

        assertThatThrownBy(() -> updated.steadyState().get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(ServiceDeploymentException.class)
                .hasMessageContaining("circuit breaker: 3 tasks failed").hasMessageContaining("rolling back to " + good.arn());
        await("back on the good revision", Duration.ofSeconds(10), () -> service.serviceDeployments().get(0).status()
                == ServiceDeployment.Status.ROLLBACK_SUCCESSFUL);
        assertThat(running(service)).extracting(TaskInfo::taskDefinitionArn).containsOnly(good.arn());
        assertThat(running(service)).extracting(TaskInfo::taskArn).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void tasksRegisterInTheTargetGroupAndCloudMapWithEcsAttributes() throws Exception {
        TargetGroup tg = colorTargetGroup();
        DiscoveryService svc = colorDiscoveryService();

        EcsService service = colorService(3,
                List.of(new ServiceSpec.LoadBalancerBinding(tg.arn(), "app", 8080)),
                List.of(new ServiceSpec.RegistryBinding(svc.id(), null, null)));
        service.steadyState().get(10, TimeUnit.SECONDS);

        assertThat(tg.health()).hasSize(3).allMatch(h -> h.state() == TargetHealth.State.HEALTHY);
        List<ServiceInstance> instances = dataPlane.cloudMap().discoverInstances("howto-ecs-basics.pvtdns", "color",
                Map.of("ECS_TASK_DEFINITION_FAMILY", "howto-ecs-basics-color"), true);
        assertThat(instances).hasSize(3);
        assertThat(instances.get(0).attributes()).containsEntry("ECS_CLUSTER_NAME", "howto-ecs-basics")
                .containsEntry("ECS_SERVICE_NAME", "color").containsEntry("AVAILABILITY_ZONE", "us-east-1a")
                .containsKey("AWS_INSTANCE_IPV4").containsEntry("AWS_INSTANCE_PORT", "8080");
        assertThat(dataPlane.dns().resolveIpv4("color.howto-ecs-basics.pvtdns")).hasSize(3);
    }

    @Test
    void newTaskDefinitionRollsOverWithoutDroppingBelowDesiredServingTasks() throws Exception {
        EcsService service = colorService(2, List.of(), List.of());
        service.steadyState().get(10, TimeUnit.SECONDS);
        TaskDefinition blue = ecs.registerTaskDefinition(colorTask("howto-ecs-basics-color", "blue", "colorapp:v2"));

        ecs.updateService("howto-ecs-basics", "color", null, blue.arn());
        int fewestRunning = Integer.MAX_VALUE;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!service.steadyState().isDone() && System.nanoTime() < deadline) {
            fewestRunning = Math.min(fewestRunning, running(service).size());
            Thread.sleep(5);
        }
        service.steadyState().get(1, TimeUnit.SECONDS);

        assertThat(fewestRunning).isGreaterThanOrEqualTo(2);
        Set<String> colors = running(service).stream().map(t -> {
            try {
                return get("http://" + t.address() + ":8080/").body();
            } catch (Exception e) {
                return e.toString();
            }
        }).collect(Collectors.toSet());
        assertThat(colors).containsExactly("blue");
        assertThat(running(service)).allMatch(t -> t.taskDefinitionArn().equals(blue.arn()));
    }

    @Test
    void movingAServiceFromATargetGroupToCloudMapInPlaceRollsItsTasksIntoTheNewRegistry() throws Exception {
        TargetGroup tg = colorTargetGroup();
        DiscoveryService svc = colorDiscoveryService();
        EcsService service = colorService(2, List.of(new ServiceSpec.LoadBalancerBinding(tg.arn(), "app", 8080)),
                List.of());
        service.steadyState().get(10, TimeUnit.SECONDS);
        Set<String> before = running(service).stream().map(TaskInfo::taskArn).collect(Collectors.toSet());

        ServiceSpec now = service.spec();
        ecs.updateService(new ServiceSpec(now.cluster(), now.name(), now.taskDefinitionArn(), now.desiredCount(),
                List.of(), List.of(new ServiceSpec.RegistryBinding(svc.id(), null, null)), now.launchType(),
                now.serviceConnect(), now.deployment()));
        service.steadyState().get(10, TimeUnit.SECONDS);

        assertThat(running(service)).hasSize(2).noneMatch(t -> before.contains(t.taskArn()));
        assertThat(dataPlane.cloudMap().instances(svc.id())).hasSize(2);
        assertThat(tg.health()).isEmpty();
        assertThat(service.spec().serviceRegistries()).hasSize(1);
    }

    @Test
    void deletingAServiceStopsItsTasksAndFreesTheirPorts() throws Exception {
        EcsService service = colorService(2, List.of(), List.of());
        service.steadyState().get(10, TimeUnit.SECONDS);
        List<TaskInfo> before = running(service);

        ecs.deleteService("howto-ecs-basics", "color").get(10, TimeUnit.SECONDS);

        assertThat(ecs.service("howto-ecs-basics", "color")).isEmpty();
        assertThat(apps.running).isEmpty();
        for (TaskInfo task : before) {
            assertThatThrownBy(() -> get("http://" + task.address() + ":8080/")).isInstanceOf(java.io.IOException.class);
        }
    }
}
