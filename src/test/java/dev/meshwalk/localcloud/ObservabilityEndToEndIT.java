package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.ServiceGraphs;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.render.Glyphs;
import dev.meshwalk.graph.render.MapOptions;
import dev.meshwalk.graph.render.ServiceMapRenderer;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.EdgeStatistics;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.Segment;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.ServiceStatistics;
import software.amazon.awssdk.services.xray.model.Trace;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * The whole observability path of the local cloud, as the tutorial uses it: a chapter deployed through the real SDK
 * CloudFormation client, traffic through the public load balancer, then the X-Ray service graph and CloudWatch
 * metrics through the real SDK clients. Nothing is fed to the stores by the test: every segment and datum comes from
 * the apps (OTLP to the sidecar intake), the mesh proxies and the load balancers.
 */
@Tag("integration")
class ObservabilityEndToEndIT {

    private static final int REQUESTS = 100;

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private CloudFormationClient cfn;
    private XRayClient xray;
    private CloudWatchClient cloudWatch;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeEach
    void clients() {
        cfn = cloud.client(CloudFormationClient.builder());
        xray = cloud.client(XRayClient.builder());
        cloudWatch = cloud.client(CloudWatchClient.builder());
    }

    @Test
    void chapterThreeTrafficDrawsTheRoutingMapAndPublishesEnvoyAndAlbMetrics() throws Exception {
        Instant begin = Instant.now().minusSeconds(5);
        String front = deploy("3-routing");
        int ok = sendColorRequests(front);
        assertThat(ok).as("requests answered 200").isEqualTo(REQUESTS);

        Map<String, Service> nodes = awaitGraph(begin, g -> g.containsKey("front") && g.containsKey("color-v2")
                && g.containsKey("color") && total(g.get("front")) >= REQUESTS
                && total(g.get("color")) + total(g.get("color-v2")) >= REQUESTS);
        assertThat(nodes.keySet()).contains("front", "color", "color-v2", "howto-ecs-basics/howto-ecs-basics-front-node",
                "howto-ecs-basics/howto-ecs-basics-color-node", "howto-ecs-basics/howto-ecs-basics-color-v2-node");
        List<Service> proxies = nodes.values().stream().filter(s -> "AWS::AppMesh::Proxy".equals(s.type())).toList();
        assertThat(proxies).hasSize(3);
        List<Service> clients = nodes.values().stream().filter(s -> "client".equals(s.type())).toList();
        assertThat(clients).as("one client node, pointing at the front proxy (the ALB is no node)").hasSize(1);
        Service frontProxy = nodes.get("howto-ecs-basics/howto-ecs-basics-front-node");
        assertThat(targets(clients.get(0), nodes)).containsExactly(frontProxy.name());
        assertThat(nodes.keySet()).noneMatch(n -> n.contains("elb") || n.contains("LoadBalancer"));

        // the shape of the reference's example c: client -> FP <-> front; FP -> CP -> color; FP -> C2P -> color-v2
        assertThat(targets(frontProxy, nodes)).containsExactlyInAnyOrder("front",
                "howto-ecs-basics/howto-ecs-basics-color-node", "howto-ecs-basics/howto-ecs-basics-color-v2-node");
        assertThat(targets(nodes.get("front"), nodes)).containsExactly(frontProxy.name());
        assertThat(targets(nodes.get("howto-ecs-basics/howto-ecs-basics-color-node"), nodes)).containsExactly("color");
        assertThat(targets(nodes.get("howto-ecs-basics/howto-ecs-basics-color-v2-node"), nodes))
                .containsExactly("color-v2");

        for (Service node : nodes.values()) {
            if (node.summaryStatistics() != null) {
                ServiceStatistics s = node.summaryStatistics();
                assertThat(s.totalCount()).as("%s adds up", node.name()).isEqualTo(s.okCount()
                        + s.errorStatistics().totalCount() + s.faultStatistics().totalCount());
            }
        }
        long frontCount = total(nodes.get("front"));
        assertThat(frontCount).as("front's requests (the /color calls plus a few traced health checks)")
                .isBetween((long) (REQUESTS * 0.9), (long) (REQUESTS * 1.1));
        long v2 = total(nodes.get("color-v2"));
        long green = total(nodes.get("color"));
        assertThat(v2 + green).isBetween((long) (REQUESTS * 0.9), (long) (REQUESTS * 1.1));
        assertThat(v2).as("50/50 weighted route").isBetween(REQUESTS * 3L / 10, REQUESTS * 7L / 10);

        List<Metric> envoy = cloudWatch.listMetrics(b -> b.namespace("howto-ecs-basics")).metrics();
        assertThat(envoy).extracting(Metric::metricName).contains("envoy.http.downstream_rq_total",
                "envoy.http.downstream_rq_xx", "envoy.http.downstream_rq_time", "envoy.cluster.upstream_rq_total");
        assertThat(envoy).anySatisfy(m -> assertThat(m.dimensions()).extracting(d -> d.name() + "=" + d.value())
                .contains("appmesh.mesh=howto-ecs-basics", "appmesh.virtual_node=howto-ecs-basics-front-node",
                        "envoy.http_conn_manager_prefix=ingress", "envoy.response_code_class=2"));
        List<Metric> alb = cloudWatch.listMetrics(b -> b.namespace("AWS/ApplicationELB")).metrics();
        assertThat(alb).extracting(Metric::metricName).contains("RequestCount", "TargetResponseTime",
                "HTTPCode_Target_2XX_Count", "HealthyHostCount", "UnHealthyHostCount");
        List<Metric> byLoadBalancer = alb.stream().filter(m -> m.metricName().equals("RequestCount"))
                .filter(m -> m.dimensions().size() == 1).toList();
        assertThat(byLoadBalancer).as("chapter 3 has one load balancer, the public one: %s", alb).hasSize(1);
        Metric publicRequests = byLoadBalancer.get(0);
        assertThat(publicRequests.dimensions().get(0).name()).isEqualTo("LoadBalancer");
        assertThat(publicRequests.dimensions().get(0).value()).matches("app/[^/]+/[0-9a-f]+");
        assertThat(alb).anySatisfy(m -> assertThat(m.dimensions()).anySatisfy(d -> {
            assertThat(d.name()).isEqualTo("TargetGroup");
            assertThat(d.value()).matches("targetgroup/[^/]+/[0-9a-f]+");
        }));
        GetMetricDataResponse data = cloudWatch.getMetricData(b -> b.startTime(begin.minusSeconds(60))
                .endTime(Instant.now().plusSeconds(60)).metricDataQueries(MetricDataQuery.builder().id("requests")
                        .metricStat(s -> s.metric(publicRequests).period(60).stat("Sum")).build()));
        double sum = data.metricDataResults().get(0).values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).as("RequestCount of the public load balancer").isEqualTo(REQUESTS);
    }

    /**
     * The apps read the task metadata endpoint the local ECS gives their task and put cloud.platform=aws_ecs and the
     * task's ARNs in their OpenTelemetry resource; the intake turns that into the segment's origin and aws.ecs block,
     * as the CloudWatch agent does on AWS. The stack runs its tasks as FARGATE, so by the exporter's rule the nodes
     * are AWS::ECS::Fargate, which the map draws with the ECS tag.
     */
    @Test
    void chapterZeroShowsFrontAndColorAsEcsContainersOfTheirTasks() throws Exception {
        Instant begin = Instant.now().minusSeconds(5);
        String front = deploy("0-prelude");
        assertThat(sendColorRequests(front)).isEqualTo(REQUESTS);

        Map<String, Service> nodes = awaitGraph(begin, g -> total(g.get("front")) >= REQUESTS
                && total(g.get("color-green")) >= REQUESTS);
        assertThat(nodes.get("front").type()).isEqualTo(ECS_FARGATE);
        assertThat(nodes.get("color-green").type()).isEqualTo(ECS_FARGATE);
        assertThat(nodes.values()).filteredOn(s -> !"client".equals(s.type())).extracting(Service::type)
                .containsOnly(ECS_FARGATE);

        String clusterArn = "arn:aws:ecs:us-east-1:" + nodes.get("front").accountId() + ":cluster/"
                + cfn.describeStackResource(b -> b.stackName("observe").logicalResourceId("Cluster"))
                        .stackResourceDetail().physicalResourceId();
        for (String app : List.of("front", "color-green")) {
            JsonNode ecs = aSegmentOf(app, begin).path("aws").path("ecs");
            assertThat(ecs.path("cluster_arn").asText()).as(app).isEqualTo(clusterArn);
            assertThat(ecs.path("task_arn").asText()).as(app)
                    .startsWith(clusterArn.replace(":cluster/", ":task/") + "/");
            assertThat(ecs.path("container_arn").asText()).as(app).contains(":container/");
            assertThat(ecs.path("container").asText()).as(app).isEqualTo("app");
            assertThat(ecs.path("launch_type").asText()).as(app).isEqualTo("fargate");
        }

        try (CloudSession session = CloudSession.local(CloudTarget.local(cloud.endpoint()))) {
            ServiceGraph graph = new ServiceGraphs(session).lastMinutes(Duration.ofMinutes(5));
            String map = new ServiceMapRenderer().render(graph, MapOptions.defaults().withWidth(120)
                    .withGlyphs(Glyphs.ASCII)).canvas().toPlainString();
            assertThat(tagAbove(map, "front")).as("map:%n%s", map).isEqualTo("ECS");
            assertThat(tagAbove(map, "color-green")).as("map:%n%s", map).isEqualTo("ECS");
        }
    }

    @Test
    void chapterZeroShowsFrontCallingColorGreenAndAHealthCheckClientForColor() throws Exception {
        Instant begin = Instant.now().minusSeconds(5);
        String front = deploy("0-prelude");
        assertThat(sendColorRequests(front)).isEqualTo(REQUESTS);

        Map<String, Service> nodes = awaitGraph(begin, g -> g.containsKey("front") && g.containsKey("color-green")
                && total(g.get("front")) >= REQUESTS && total(g.get("color-green")) >= REQUESTS
                && g.values().stream().filter(s -> "client".equals(s.type())).count() >= 2);
        assertThat(targets(nodes.get("front"), nodes)).as("front's targets; nodes %s", nodes.values().stream()
                .map(n -> n.name() + "/" + n.type() + "/" + total(n)).toList()).containsExactly("color-green");
        List<Service> clients = nodes.values().stream().filter(s -> "client".equals(s.type())).toList();
        assertThat(clients).flatExtracting(c -> targets(c, nodes)).containsExactlyInAnyOrder("front", "color-green");
        assertThat(nodes.values()).noneMatch(s -> "AWS::AppMesh::Proxy".equals(s.type()));
        Edge frontToColor = edge(nodes.get("front"), nodes.get("color-green"));
        EdgeStatistics stats = frontToColor.summaryStatistics();
        assertThat(stats.totalCount()).isEqualTo(stats.okCount() + stats.errorStatistics().totalCount()
                + stats.faultStatistics().totalCount());
        assertThat(stats.totalCount()).isBetween((long) (REQUESTS * 0.9), (long) (REQUESTS * 1.1));
    }

    @Test
    void chapterOneShowsFrontCallingColorGreenDirectlyWithNoHealthCheckClientForColor() throws Exception {
        Instant begin = Instant.now().minusSeconds(5);
        String front = deploy("1-servicediscovery");
        assertThat(sendColorRequests(front)).isEqualTo(REQUESTS);

        // Wait on the front -> color-green edge, not on front's total: the public load balancer's traced health
        // checks count for front too, and a color segment whose caller's batch is not in yet hangs off a client.
        Map<String, Service> nodes = awaitGraph(begin, g -> g.containsKey("front") && g.containsKey("color-green")
                && edgeTotal(g.get("front"), g.get("color-green")) >= REQUESTS && total(g.get("color-green")) >= REQUESTS);
        assertThat(targets(nodes.get("front"), nodes)).containsExactly("color-green");
        List<Service> clients = nodes.values().stream().filter(s -> "client".equals(s.type())).toList();
        assertThat(clients).flatExtracting(c -> targets(c, nodes))
                .as("color has no load balancer in front of it any more, so nothing but front calls it")
                .containsExactly("front");
        assertThat(nodes.values()).noneMatch(s -> "AWS::AppMesh::Proxy".equals(s.type()));
        assertThat(edge(nodes.get("front"), nodes.get("color-green")).summaryStatistics().totalCount())
                .isBetween((long) (REQUESTS * 0.9), (long) (REQUESTS * 1.1));
    }

    @Test
    void chapterTwoPutsAProxyBesideEachAppAndRoutesFrontToColorThroughBoth() throws Exception {
        Instant begin = Instant.now().minusSeconds(5);
        String front = deploy("2-meshify");
        assertThat(sendColorRequests(front)).isEqualTo(REQUESTS);

        String frontNode = "howto-ecs-basics/howto-ecs-basics-front-node";
        String colorNode = "howto-ecs-basics/howto-ecs-basics-color-node";
        Map<String, Service> nodes = awaitGraph(begin, g -> total(g.get("front")) >= REQUESTS
                && total(g.get("color")) >= REQUESTS && total(g.get(colorNode)) >= REQUESTS);
        assertThat(nodes.values().stream().filter(s -> "AWS::AppMesh::Proxy".equals(s.type())).map(Service::name))
                .containsExactlyInAnyOrder(frontNode, colorNode);
        assertThat(nodes.get("front").type()).as("the app beside its proxy is still an ECS container")
                .isEqualTo(ECS_FARGATE);
        assertThat(nodes.get("color").type()).isEqualTo(ECS_FARGATE);
        List<Service> clients = nodes.values().stream().filter(s -> "client".equals(s.type())).toList();
        assertThat(clients).flatExtracting(c -> targets(c, nodes)).containsExactly(frontNode);
        assertThat(targets(nodes.get(frontNode), nodes)).containsExactlyInAnyOrder("front", colorNode);
        assertThat(targets(nodes.get("front"), nodes)).containsExactly(frontNode);
        assertThat(targets(nodes.get(colorNode), nodes)).containsExactly("color");
        for (Service node : nodes.values()) {
            ServiceStatistics st = node.summaryStatistics();
            if (st != null) {
                assertThat(st.totalCount()).as(node.name()).isEqualTo(st.okCount()
                        + st.errorStatistics().totalCount() + st.faultStatistics().totalCount());
            }
        }
        assertThat(edge(nodes.get(frontNode), nodes.get(colorNode)).summaryStatistics().totalCount())
                .isBetween((long) (REQUESTS * 0.9), (long) (REQUESTS * 1.1));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static final String ECS_FARGATE = "AWS::ECS::Fargate";

    /** One of the app's segments, as BatchGetTraces returns it (the processed document). */
    private JsonNode aSegmentOf(String name, Instant begin) throws IOException {
        List<String> traceIds = xray.getTraceSummaries(b -> b.startTime(begin).endTime(Instant.now().plusSeconds(5)))
                .traceSummaries().stream().map(TraceSummary::id).limit(5).toList();
        assertThat(traceIds).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (Trace trace : xray.batchGetTraces(b -> b.traceIds(traceIds)).traces()) {
            for (Segment segment : trace.segments()) {
                JsonNode document = json.readTree(segment.document());
                if (name.equals(document.path("name").asText())) {
                    return document;
                }
            }
        }
        throw new AssertionError("no segment named " + name + " in traces " + traceIds);
    }

    /** The type tag on the top border of the box whose first line names {@code node}. */
    private static String tagAbove(String map, String node) {
        String[] lines = map.split("\n");
        for (int i = 1; i < lines.length; i++) {
            int at = lines[i].indexOf("| " + node + " ");
            if (at >= 0 && lines[i - 1].length() > at + 3 && lines[i - 1].startsWith("+- ", at)) {
                String top = lines[i - 1].substring(at + 3);
                return top.substring(0, top.indexOf(' '));
            }
        }
        return null;
    }

    private String deploy(String chapter) throws IOException {
        String template;
        try (InputStream in = getClass().getResourceAsStream("/stacks/" + chapter + ".yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        cfn.createStack(b -> b.stackName("observe").templateBody(template)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM)
                .parameters(Parameter.builder().parameterKey("FrontAppImage").parameterValue("front:latest").build(),
                        Parameter.builder().parameterKey("ColorAppImage").parameterValue("color:latest").build()));
        cfn.waiter().waitUntilStackCreateComplete(b -> b.stackName("observe"));
        return cfn.describeStacks(b -> b.stackName("observe")).stacks().get(0).outputs().stream()
                .filter(o -> o.outputKey().equals("FrontEndpoint")).map(Output::outputValue).findFirst()
                .orElseThrow();
    }

    private int sendColorRequests(String frontEndpoint) throws Exception {
        int ok = 0;
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(frontEndpoint + "/color"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                ok++;
            }
        }
        return ok;
    }

    /**
     * Polls GetServiceGraph until the apps' batched spans have arrived (at most 15 s): the apps export every second,
     * so a caller's subsegment can be in before the callee's segment, and would show as an inferred node meanwhile;
     * the graph counts as ready once {@code ready} holds and no such node is left.
     */
    private Map<String, Service> awaitGraph(Instant begin, java.util.function.Predicate<Map<String, Service>> ready)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Map<String, Service> nodes;
        do {
            Thread.sleep(500);
            GetServiceGraphResponse graph = xray.getServiceGraph(b -> b.startTime(begin)
                    .endTime(Instant.now().plusSeconds(5)));
            nodes = graph.services().stream().collect(Collectors.toMap(
                    s -> "client".equals(s.type()) ? "client:" + s.referenceId() : s.name(), s -> s, (a, b) -> a));
        } while (!(ready.test(nodes) && settled(nodes)) && System.nanoTime() < deadline);
        return nodes;
    }

    /**
     * No inferred {@code remote} node is left: the tutorial's services all send segments, so such a node only means a
     * caller's subsegment arrived before its callee's segment (each app exports on its own one-second schedule).
     */
    private static boolean settled(Map<String, Service> nodes) {
        return nodes.values().stream().noneMatch(s -> "remote".equals(s.type()));
    }

    private static long edgeTotal(Service from, Service to) {
        return findEdge(from, to).map(e -> e.summaryStatistics() == null ? 0L
                : Optional.ofNullable(e.summaryStatistics().totalCount()).orElse(0L)).orElse(0L);
    }

    private static long total(Service service) {
        return service == null || service.summaryStatistics() == null ? 0
                : Optional.ofNullable(service.summaryStatistics().totalCount()).orElse(0L);
    }

    private static List<String> targets(Service from, Map<String, Service> nodes) {
        return from.edges().stream().map(e -> nodes.values().stream()
                        .filter(s -> s.referenceId().equals(e.referenceId())).findFirst().orElseThrow().name())
                .toList();
    }

    private static Edge edge(Service from, Service to) {
        return findEdge(from, to).orElseThrow();
    }

    private static Optional<Edge> findEdge(Service from, Service to) {
        return from.edges().stream().filter(e -> e.referenceId().equals(to.referenceId())).findFirst();
    }
}
