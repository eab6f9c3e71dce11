package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import dev.meshwalk.localcloud.service.xray.MeshTraffic;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import dev.meshwalk.testsupport.AwsCli;
import dev.meshwalk.testsupport.AwsCli.Run;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both real AWS CLIs against the local X-Ray and CloudWatch: pip's v1 (awsJson1_0 for CloudWatch) and
 * Debian's v2 2.9.19 (awsQuery for CloudWatch); X-Ray is restJson1 for both. A missing CLI is skipped.
 */
@Tag("integration")
class TelemetryCliIT {

    private final XRayService xray = new XRayService(new TraceStore());
    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.serving(xray, new CloudWatchService(new MetricStore()));

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void getServiceGraphListsTheMeshNodesWithTheirCounts(String which) throws Exception {
        AwsCli aws = AwsCli.installed(which, cloud.endpoint(), "us-east-1");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        MeshTraffic traffic = new MeshTraffic();
        for (int i = 0; i < 5; i++) {
            for (String doc : traffic.colorRequest(start.getEpochSecond() + i, 200)) {
                xray.accept(doc);
            }
        }

        Run graph = aws.run("xray", "get-service-graph", "--start-time", Long.toString(start.getEpochSecond()),
                "--end-time", Long.toString(start.getEpochSecond() + 300));

        assertThat(graph.exit()).as(graph.err()).isZero();
        List<String> nodes = new ArrayList<>();
        for (JsonNode s : graph.json().path("Services")) {
            nodes.add(s.path("Name").asText() + "=" + s.path("SummaryStatistics").path("TotalCount").asInt(-1));
        }
        assertThat(nodes).containsExactlyInAnyOrder("color=5", "front=5", MeshTraffic.COLOR_PROXY + "=5",
                MeshTraffic.FRONT_PROXY + "=10", MeshTraffic.FRONT_PROXY + "=-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void metricsAndDashboardsWorkInTheProtocolEachCliSpeaks(String which) throws Exception {
        AwsCli aws = AwsCli.installed(which, cloud.endpoint(), "us-east-1");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String at = minute.minusSeconds(30).toString();

        Run put1 = aws.run("cloudwatch", "put-metric-data", "--namespace", "App", "--metric-name", "Latency",
                "--value", "1.5", "--unit", "Milliseconds", "--dimensions", "Svc=front", "--timestamp", at);
        Run put2 = aws.run("cloudwatch", "put-metric-data", "--namespace", "App", "--metric-name", "Latency",
                "--value", "2.5", "--unit", "Milliseconds", "--dimensions", "Svc=front", "--timestamp", at);
        Run data = aws.run("cloudwatch", "get-metric-data", "--start-time", minute.minusSeconds(600).toString(),
                "--end-time", minute.toString(), "--metric-data-queries",
                "[{\"Id\":\"m1\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"App\",\"MetricName\":\"Latency\","
                        + "\"Dimensions\":[{\"Name\":\"Svc\",\"Value\":\"front\"}]},\"Period\":60,\"Stat\":\"Average\"}},"
                        + "{\"Id\":\"e1\",\"Expression\":\"m1*1000\",\"Label\":\"micros\"}]");
        Run list = aws.run("cloudwatch", "list-metrics", "--namespace", "App");
        Run dashboard = aws.run("cloudwatch", "put-dashboard", "--dashboard-name", "front-node", "--dashboard-body",
                "{\"widgets\":[{\"type\":\"text\",\"properties\":{\"markdown\":\"hi\"}}]}");
        Run got = aws.run("cloudwatch", "get-dashboard", "--dashboard-name", "front-node");
        Run invalid = aws.run("cloudwatch", "put-dashboard", "--dashboard-name", "bad", "--dashboard-body", "[]");

        assertThat(put1.exit()).as(put1.err()).isZero();
        assertThat(put2.exit()).as(put2.err()).isZero();
        assertThat(data.exit()).as(data.err()).isZero();
        JsonNode results = data.json().path("MetricDataResults");
        assertThat(results.get(0).path("Values").get(0).asDouble()).isEqualTo(2.0);
        assertThat(results.get(0).path("StatusCode").asText()).isEqualTo("Complete");
        assertThat(results.get(1).path("Label").asText()).isEqualTo("micros");
        assertThat(results.get(1).path("Values").get(0).asDouble()).isEqualTo(2000.0);
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.json().at("/Metrics/0/Dimensions/0/Value").asText()).isEqualTo("front");
        assertThat(dashboard.exit()).as(dashboard.err()).isZero();
        assertThat(got.exit()).as(got.err()).isZero();
        assertThat(got.json().path("DashboardArn").asText()).isEqualTo("arn:aws:cloudwatch::000000000000:dashboard/front-node");
        assertThat(invalid.exit()).isNotZero();
        assertThat(invalid.err()).contains("(InvalidParameterInput)").contains("validation errors");
    }
}
