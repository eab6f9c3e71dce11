package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import dev.meshwalk.localcloud.service.xray.MeshTraffic;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both real AWS CLIs against the local X-Ray and CloudWatch: pip's v1 (awsJson1_0 for CloudWatch) and
 * Debian's v2 2.9.19 (awsQuery for CloudWatch); X-Ray is restJson1 for both. A missing CLI is skipped.
 */
@Tag("integration")
class TelemetryCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final XRayService xray = new XRayService(new TraceStore());
    private final LocalCloud cloud = LocalCloud.builder()
            .service(xray, new CloudWatchService(new MetricStore())).build().start();

    @AfterEach
    void close() {
        cloud.close();
    }

    private record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + out + err, e);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void getServiceGraphListsTheMeshNodesWithTheirCounts(String which) throws Exception {
        String aws = executable(which);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        MeshTraffic traffic = new MeshTraffic();
        for (int i = 0; i < 5; i++) {
            for (String doc : traffic.colorRequest(start.getEpochSecond() + i, 200)) {
                xray.accept(doc);
            }
        }

        Run graph = aws(aws, "xray", "get-service-graph", "--start-time", Long.toString(start.getEpochSecond()),
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
        String aws = executable(which);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String at = minute.minusSeconds(30).toString();

        Run put1 = aws(aws, "cloudwatch", "put-metric-data", "--namespace", "App", "--metric-name", "Latency",
                "--value", "1.5", "--unit", "Milliseconds", "--dimensions", "Svc=front", "--timestamp", at);
        Run put2 = aws(aws, "cloudwatch", "put-metric-data", "--namespace", "App", "--metric-name", "Latency",
                "--value", "2.5", "--unit", "Milliseconds", "--dimensions", "Svc=front", "--timestamp", at);
        Run data = aws(aws, "cloudwatch", "get-metric-data", "--start-time", minute.minusSeconds(600).toString(),
                "--end-time", minute.toString(), "--metric-data-queries",
                "[{\"Id\":\"m1\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"App\",\"MetricName\":\"Latency\","
                        + "\"Dimensions\":[{\"Name\":\"Svc\",\"Value\":\"front\"}]},\"Period\":60,\"Stat\":\"Average\"}},"
                        + "{\"Id\":\"e1\",\"Expression\":\"m1*1000\",\"Label\":\"micros\"}]");
        Run list = aws(aws, "cloudwatch", "list-metrics", "--namespace", "App");
        Run dashboard = aws(aws, "cloudwatch", "put-dashboard", "--dashboard-name", "front-node", "--dashboard-body",
                "{\"widgets\":[{\"type\":\"text\",\"properties\":{\"markdown\":\"hi\"}}]}");
        Run got = aws(aws, "cloudwatch", "get-dashboard", "--dashboard-name", "front-node");
        Run invalid = aws(aws, "cloudwatch", "put-dashboard", "--dashboard-name", "bad", "--dashboard-body", "[]");

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

    /** "v1" is whichever {@code aws} on PATH reports aws-cli/1.x; "v2" is /usr/bin/aws. */
    private static String executable(String which) {
        String exe = which.equals("v2") ? "/usr/bin/aws" : "aws";
        try {
            Run version = run(exe, List.of("--version"));
            String text = version.out() + version.err();
            assumeTrue(version.exit() == 0 && text.startsWith(which.equals("v2") ? "aws-cli/2." : "aws-cli/1."),
                    which + " CLI not installed");
        } catch (IOException e) {
            assumeTrue(false, which + " CLI not installed: " + e.getMessage());
        }
        return exe;
    }

    private Run aws(String exe, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", cloud.endpoint().toString(), "--region",
                "us-east-1", "--output", "json"));
        all.addAll(List.of(args));
        return run(exe, all);
    }

    private static Run run(String exe, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(exe);
        command.addAll(args);
        Path home = Files.createTempDirectory("cli-home");
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("AWS_ACCESS_KEY_ID", "test");
            pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
            pb.environment().put("AWS_PAGER", "");
            pb.environment().put("AWS_CONFIG_FILE", home.resolve("config").toString());
            pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
            pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            pb.environment().remove("AWS_PROFILE");
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("CLI did not finish: " + command);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            try (var files = Files.list(home)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(home);
        }
    }
}
