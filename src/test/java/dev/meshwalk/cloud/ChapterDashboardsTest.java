package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry.Direction;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry.ProxyRequestObserved;
import dev.meshwalk.localcloud.dataplane.telemetry.IntakeStatistics;
import dev.meshwalk.localcloud.dataplane.telemetry.MeshProxyTelemetry;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricKey;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chapter dashboards' bodies pass the local PutDashboard validation and their SEARCH expressions find the
 * Envoy metrics the local mesh proxies publish, for the node the dashboard is about and no other.
 */
class ChapterDashboardsTest {

    private static final RequestContext CTX = new RequestContext("us-east-1", "000000000000", "r");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetricStore store = new MetricStore();
    private final CloudWatchService cloudWatch = new CloudWatchService(store);
    private final MeshProxyTelemetry proxies = new MeshProxyTelemetry(doc -> { },
            (ns, name, dims, value, unit, at) -> store.putValue(MetricKey.of(ns, name, dims), at, value, 1, unit),
            new IntakeStatistics());

    @Test
    void theVirtualNodeIsReadFromItsArn() {
        assertThat(ChapterDashboards.virtualNodeOf(
                "arn:aws:appmesh:us-east-1:000000000000:mesh/howto-ecs-basics/virtualNode/howto-ecs-basics-color-node",
                "other")).isEqualTo(new ChapterDashboards.VirtualNode("howto-ecs-basics", "howto-ecs-basics-color-node"));
        assertThat(ChapterDashboards.dashboardName("meshwalk-demo",
                new ChapterDashboards.VirtualNode("m", "demo-front-node"))).isEqualTo("meshwalk-demo-demo-front-node");
    }

    @Test
    void eachWidgetSearchFindsOnlyItsNodesEnvoyMetrics() throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            proxies.requestObserved(observed("howto-ecs-basics-color-node", Direction.INGRESS, i == 0 ? 500 : 200, now));
            proxies.requestObserved(observed("howto-ecs-basics-front-node", Direction.INGRESS, 200, now));
            proxies.requestObserved(observed("howto-ecs-basics-front-node", Direction.EGRESS, 200, now));
        }
        String body = ChapterDashboards.body(
                new ChapterDashboards.VirtualNode("howto-ecs-basics", "howto-ecs-basics-color-node"), "us-east-1");
        Map<?, ?> put = (Map<?, ?>) cloudWatch.call("PutDashboard",
                new Params(Map.of("DashboardName", "meshwalk-demo-color", "DashboardBody", body)), CTX);
        assertThat((List<?>) put.get("DashboardValidationMessages")).isEmpty();

        List<String> expressions = new ArrayList<>();
        for (JsonNode widget : JSON.readTree(body).get("widgets")) {
            expressions.add(widget.at("/properties/metrics/0/0/expression").asText());
        }
        assertThat(expressions).hasSize(4);
        assertThat(labelsAndSums(expressions.get(0))).as("ingress requests")
                .containsExactly(Map.entry("envoy.http.downstream_rq_total", 5.0));
        assertThat(labelsAndSums(expressions.get(1))).as("egress requests: the color node sends none").isEmpty();
        assertThat(labelsAndSums(expressions.get(2)).values()).as("2xx and 5xx classes").containsExactlyInAnyOrder(4.0, 1.0);
        assertThat(labelsAndSums(expressions.get(3))).hasSize(1);
    }

    private Map<String, Double> labelsAndSums(String expression) {
        Map<String, Object> query = Map.of("Id", "e1", "Expression", expression);
        Map<String, Object> in = Map.of("MetricDataQueries", List.of(query),
                "StartTime", Instant.now().minusSeconds(600), "EndTime", Instant.now().plusSeconds(60));
        List<?> results = (List<?>) ((Map<?, ?>) cloudWatch.call("GetMetricData", new Params(in), CTX))
                .get("MetricDataResults");
        Map<String, Double> out = new java.util.TreeMap<>();
        for (Object r : results) {
            Map<?, ?> result = (Map<?, ?>) r;
            double sum = ((List<?>) result.get("Values")).stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
            out.merge(((String) result.get("Label")).split(" ")[0] + suffix(result), sum, Double::sum);
        }
        return out;
    }

    private static String suffix(Map<?, ?> result) {
        String[] parts = ((String) result.get("Label")).split(" ");
        return parts.length > 4 ? " " + parts[parts.length - 1] : "";
    }

    private static ProxyRequestObserved observed(String node, Direction direction, int status, Instant at) {
        return new ProxyRequestObserved("howto-ecs-basics", node, direction, null, node, "GET", "/color", "x:8080",
                status, at, Duration.ofMillis(3), "1-5759e988-bd862e3fe1be46a994272793", null, "53995c3f42cd8ad8",
                "10.0.0.1", true);
    }
}
