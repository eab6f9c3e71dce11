package dev.meshwalk.localcloud.dataplane;

import static dev.meshwalk.localcloud.dataplane.TestDataPlanes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryService;
import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryServiceSpec;
import dev.meshwalk.localcloud.dataplane.cloudmap.Namespace;
import dev.meshwalk.localcloud.dataplane.cloudmap.NamespaceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.ContainerSpec;
import dev.meshwalk.localcloud.dataplane.ecs.DiscardingTelemetrySidecars;
import dev.meshwalk.localcloud.dataplane.ecs.Ecs;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ProxyConfigurationSpec;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinitionSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskInfo;
import dev.meshwalk.localcloud.dataplane.elb.HealthCheckSpec;
import dev.meshwalk.localcloud.dataplane.elb.Listener;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerSpec;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroupSpec;
import dev.meshwalk.localcloud.dataplane.mesh.AppMesh;
import dev.meshwalk.localcloud.dataplane.mesh.MeshSpec;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry;
import dev.meshwalk.localcloud.dataplane.mesh.RouteSpec;
import dev.meshwalk.localcloud.dataplane.mesh.ServiceDiscoverySpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualNodeSpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualRouterSpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualServiceSpec;
import dev.meshwalk.localcloud.dataplane.route53.HostedZone;
import dev.meshwalk.localcloud.dataplane.route53.RecordSetSpec;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Chapter 3's shape end to end with the real demo apps: public ALB -> front proxy (ingress) -> front -> front proxy (egress) -> color or
 * color-v2 proxy (ingress) -> color app, with a virtual router splitting by weight. One data plane for the class
 * because the tests walk through the chapter in order (deploy, split, change weights).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeshChainTest {

    private static final String P = "howto-ecs-basics";
    private static final String COLOR_VS = "color." + P + ".mesh.local";

    private final FakeApps apps = new FakeApps();
    private final List<ProxyTelemetry.ProxyRequestObserved> observed = new CopyOnWriteArrayList<>();
    private DataPlane dataPlane;
    private Listener publicListener;
    private EcsService front;

    @BeforeAll
    void deployChapterThree() throws Exception {
        dataPlane = DataPlane.start(DataPlaneConfig.defaults(apps.realApps()).withTimings(TestDataPlanes.FAST)
                .withTelemetry(new DiscardingTelemetrySidecars(), observed::add));
        Ecs ecs = dataPlane.ecs();
        ecs.createCluster(P);
        Namespace ns = dataPlane.cloudMap().createNamespace(new NamespaceSpec(P + ".pvtdns",
                NamespaceSpec.NamespaceType.PRIVATE_DNS));
        DiscoveryService colorDiscovery = dataPlane.cloudMap().createService(new DiscoveryServiceSpec(ns.id(), "color",
                List.of(new DiscoveryServiceSpec.DnsRecordSpec("A", 300))));
        HostedZone zone = dataPlane.route53().createHostedZone(P + ".mesh.local", true);
        dataPlane.route53().upsertRecord(zone.id(), new RecordSetSpec("*." + P + ".mesh.local", "A", 300,
                List.of("10.10.10.10")));

        AppMesh mesh = dataPlane.appMesh();
        mesh.createMesh(new MeshSpec(P, false));
        mesh.putVirtualNode(P, new VirtualNodeSpec(P + "-color-node", List.of(8080),
                new ServiceDiscoverySpec.CloudMap(P + ".pvtdns", "color", Map.of("ECS_TASK_DEFINITION_FAMILY", P + "-color")),
                List.of()));
        mesh.putVirtualNode(P, new VirtualNodeSpec(P + "-color-v2-node", List.of(8080),
                new ServiceDiscoverySpec.CloudMap(P + ".pvtdns", "color", Map.of("ECS_TASK_DEFINITION_FAMILY", P + "-color-v2")),
                List.of()));
        mesh.putVirtualNode(P, new VirtualNodeSpec(P + "-front-node", List.of(8080), null, List.of(COLOR_VS)));
        mesh.putVirtualRouter(P, new VirtualRouterSpec(P + "-color-router", List.of(8080)));
        setWeights(50, 50);
        mesh.putVirtualService(P, new VirtualServiceSpec(COLOR_VS, null, P + "-color-router"));

        TaskDefinition color = ecs.registerTaskDefinition(meshTask(P + "-color", "colorapp:1", P + "-color-node",
                Map.of("COLOR", "green", "PORT", "8080")));
        TaskDefinition colorV2 = ecs.registerTaskDefinition(meshTask(P + "-color-v2", "colorapp:1", P + "-color-v2-node",
                Map.of("COLOR", "blue", "PORT", "8080")));
        TaskDefinition frontDef = ecs.registerTaskDefinition(meshTask(P + "-front", "feapp:1", P + "-front-node",
                Map.of("COLOR_HOST", COLOR_VS + ":8080", "PORT", "8080")));

        LoadBalancer alb = dataPlane.loadBalancers().createLoadBalancer(new LoadBalancerSpec("public", false));
        TargetGroup frontTg = dataPlane.loadBalancers().createTargetGroup(new TargetGroupSpec("front", 8080,
                new HealthCheckSpec("/ping", 60, 5, 2, 2, "200"), 120));
        publicListener = dataPlane.loadBalancers().createListener(alb.arn(), 80, frontTg.arn());

        List<ServiceSpec.RegistryBinding> registry = List.of(new ServiceSpec.RegistryBinding(colorDiscovery.id(), null, null));
        EcsService green = ecs.createService(new ServiceSpec(P, "color", color.arn(), 2, List.of(), registry));
        EcsService blue = ecs.createService(new ServiceSpec(P, "color-v2", colorV2.arn(), 1, List.of(), registry));
        front = ecs.createService(new ServiceSpec(P, "front", frontDef.arn(), 1,
                List.of(new ServiceSpec.LoadBalancerBinding(frontTg.arn(), "app", 8080)), List.of()));
        green.steadyState().get(15, TimeUnit.SECONDS);
        blue.steadyState().get(15, TimeUnit.SECONDS);
        front.steadyState().get(15, TimeUnit.SECONDS);
    }

    @AfterAll
    void tearDown() {
        dataPlane.close();
    }

    private void setWeights(int green, int blue) {
        dataPlane.appMesh().putRoute(P, new RouteSpec(P + "-color-router", P + "-color-route", null,
                new RouteSpec.Match("/", List.of()),
                List.of(new RouteSpec.WeightedTarget(P + "-color-node", green),
                        new RouteSpec.WeightedTarget(P + "-color-v2-node", blue)),
                null, null));
    }

    static TaskDefinitionSpec meshTask(String family, String image, String node, Map<String, String> env) {
        ContainerSpec app = new ContainerSpec("app", image, true, env, List.of(8080),
                List.of(new ContainerSpec.Dependency("envoy", ContainerSpec.Condition.HEALTHY)), null);
        ContainerSpec envoy = new ContainerSpec("envoy", "840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod",
                true, Map.of("APPMESH_RESOURCE_ARN", "mesh/" + P + "/virtualNode/" + node, "ENABLE_ENVOY_XRAY_TRACING", "1"),
                List.of(9901, 15000, 15001), List.of(),
                new ContainerSpec.HealthCheck(List.of("CMD-SHELL",
                        "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"), 5, 2, 3, 10));
        ContainerSpec xray = new ContainerSpec("xray", "amazon/aws-xray-daemon", true, Map.of(), List.of(2000),
                List.of(), null);
        return new TaskDefinitionSpec(family, List.of(app, envoy, xray), new ProxyConfigurationSpec("APPMESH", "envoy",
                Map.of("AppPorts", "8080", "ProxyIngressPort", "15000", "ProxyEgressPort", "15001",
                        "IgnoredUID", "1337", "EgressIgnoredIPs", "169.254.170.2,169.254.169.254")));
    }

    private Map<String, Integer> shares(int requests) throws Exception {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = get(publicListener.url() + "/color");
            java.util.regex.Matcher color = java.util.regex.Pattern.compile("^\\{\"color\":\"(\\w+)\"").matcher(response.body());
            counts.merge(response.statusCode() == 200 && color.find() ? color.group(1) : "HTTP " + response.statusCode()
                    + " " + response.body(), 1, Integer::sum);
        }
        return counts;
    }

    private TaskInfo frontTask() {
        return front.tasks().stream().filter(t -> t.lastStatus().equals("RUNNING")).findFirst().orElseThrow();
    }

    private String admin(TaskInfo task, String path) throws Exception {
        return get("http://" + task.address() + ":" + task.hostPorts().get("envoy:9901") + path).body();
    }

    @Test
    @Order(1)
    void appsAreStartedBehindTheirProxyWithHttpProxyPointingAtTheEgressListener() {
        TaskInfo task = frontTask();
        Map<String, String> frontEnv = apps.started.stream().filter(e -> e.containsKey("COLOR_HOST")).findFirst()
                .orElseThrow();
        assertThat(frontEnv).containsEntry("HTTP_PROXY", "http://" + task.address() + ":15001")
                .containsEntry("BIND_ADDRESS", task.address());
        assertThat(frontEnv.get("PORT")).isNotEqualTo("8080"); // the proxy owns the published port
        assertThat(task.hostPorts()).containsEntry("app:8080", 8080);
    }

    @Test
    @Order(2)
    void weightedRoute5050SplitsAThousandRequestsEvenly() throws Exception {
        Map<String, Integer> counts = shares(1000);

        assertThat(counts.keySet()).containsExactlyInAnyOrder("green", "blue");
        assertThat(counts.get("green")).isBetween(450, 550);
        assertThat(counts.get("blue")).isBetween(450, 550);
    }

    @Test
    @Order(3)
    void changedWeightsReachRunningProxiesWithoutRestartingTasks() throws Exception {
        List<String> tasksBefore = dataPlane.ecs().tasks().stream().map(TaskInfo::taskArn).sorted().toList();

        setWeights(90, 10);
        Map<String, Integer> counts = shares(1000);

        assertThat(counts.get("green")).isBetween(860, 940);
        assertThat(counts.get("blue")).isBetween(60, 140);
        assertThat(dataPlane.ecs().tasks().stream().map(TaskInfo::taskArn).sorted().toList()).isEqualTo(tasksBefore);
    }

    @Test
    @Order(4)
    void adminEndpointsReportLiveStateEnvoyStyleStatsClustersAndConfig() throws Exception {
        TaskInfo task = frontTask();

        String serverInfo = admin(task, "/server_info");
        String stats = admin(task, "/stats");
        String clusters = admin(task, "/clusters");
        String config = admin(task, "/config_dump");

        assertThat(serverInfo).contains("\"state\" : \"LIVE\"");
        assertThat(stats).containsPattern("http\\.ingress\\.downstream_rq_2xx: (\\d{4})")
                .containsPattern("http\\.egress\\.downstream_rq_2xx: (\\d{4})")
                .containsPattern("cluster\\.cds_egress_howto-ecs-basics_howto-ecs-basics-color-node_http_8080\\.upstream_rq_total: \\d+")
                .containsPattern("cluster\\.cds_egress_howto-ecs-basics_howto-ecs-basics-color-v2-node_http_8080\\.upstream_rq_total: \\d+");
        assertThat(clusters).contains("cds_egress_howto-ecs-basics_howto-ecs-basics-color-node_http_8080::127.");
        assertThat(config).contains("\"egress_filter\" : \"DROP_ALL\"").contains("\"weight\" : 90");
    }

    @Test
    @Order(5)
    void dropAllEgressRefusesUndeclaredBackends() throws Exception {
        TaskInfo task = frontTask();
        HttpClient viaProxy = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress(task.address(), 15001))).build();

        HttpResponse<String> undeclared = viaProxy.send(HttpRequest.newBuilder(
                URI.create("http://front." + P + ".mesh.local:8080/")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> declared = viaProxy.send(HttpRequest.newBuilder(
                URI.create("http://" + COLOR_VS + ":8080/")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(undeclared.statusCode()).isEqualTo(404);
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(declared.headers().firstValue("server")).contains("envoy");
    }

    @Test
    @Order(6)
    void proxiesReportRequestsWithTheirVirtualNodeAndLinkedTraceIds() {
        ProxyTelemetry.ProxyRequestObserved egress = observed.stream()
                .filter(o -> o.direction() == ProxyTelemetry.Direction.EGRESS && o.status() == 200).findFirst().orElseThrow();
        ProxyTelemetry.ProxyRequestObserved colorIngress = observed.stream()
                .filter(o -> o.direction() == ProxyTelemetry.Direction.INGRESS
                        && o.traceId().equals(egress.traceId()) && !o.virtualNode().endsWith("front-node"))
                .findFirst().orElseThrow();

        assertThat(egress.mesh()).isEqualTo(P);
        assertThat(egress.virtualNode()).isEqualTo(P + "-front-node");
        assertThat(egress.upstreamCluster()).startsWith("cds_egress_" + P + "_" + P + "-color");
        assertThat(colorIngress.parentId()).isEqualTo(egress.segmentId());
    }

    @Test
    @Order(7)
    void crashedColorAppCostsFewErrorsBecauseTheProxyRetriesAndEcsReplacesIt() throws Exception {
        EcsService green = dataPlane.ecs().service(P, "color").orElseThrow();
        TaskInfo doomed = green.tasks().get(0);
        var victim = apps.realRunning.entrySet().stream()
                .filter(e -> doomed.address().equals(e.getValue().get("BIND_ADDRESS"))).findFirst().orElseThrow().getKey();
        setWeights(50, 50);
        int errors = 0;
        for (int i = 0; i < 300; i++) {
            if (i == 50) {
                victim.close(); // the app process dies; its proxy and Cloud Map entry are still there
            }
            if (get(publicListener.url() + "/color").statusCode() != 200) {
                errors++;
            }
        }
        // The reconciler drops the task, then logs why: events, as on ECS, may trail the task list by a moment.
        TestDataPlanes.await("the crashed task replaced, and why it stopped logged", Duration.ofSeconds(15),
                () -> green.tasks().stream().filter(t -> t.lastStatus().equals("RUNNING")).count() == 2
                        && green.tasks().stream().noneMatch(t -> t.taskArn().equals(doomed.taskArn()))
                        && green.events().stream().anyMatch(e -> e.message().contains("Essential container in task exited")));

        assertThat(errors).as("errors while one of two green tasks crashed").isLessThanOrEqualTo(3);
        assertThat(admin(frontTask(), "/stats"))
                .containsPattern("cluster\\.cds_egress_howto-ecs-basics_howto-ecs-basics-color-node_http_8080\\.upstream_rq_retry: [1-9]");
    }
}
