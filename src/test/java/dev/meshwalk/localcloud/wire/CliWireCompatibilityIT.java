package dev.meshwalk.localcloud.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.meshwalk.localcloud.LocalCloud;

/**
 * Both real AWS CLIs against the wire layer with a test service: pip's v1 (awsJson1_0 for CloudWatch) and
 * Debian's v2 2.9.19 (awsQuery for CloudWatch); both use awsQuery for CloudFormation and restJson1 for X-Ray.
 * A CLI that is not installed is skipped, not failed.
 */
@Tag("integration")
class CliWireCompatibilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalCloud cloud;
    private static RecordingService monitoring;

    @BeforeAll
    static void start() {
        monitoring = new RecordingService("monitoring");
        cloud = LocalCloud.builder().service(new RecordingService("cloudformation"), monitoring,
                new RecordingService("xray")).build().start();
    }

    @AfterAll
    static void stop() {
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

    /** "v1" is whichever {@code aws} on PATH reports aws-cli/1.x; "v2" is /usr/bin/aws. */
    private static String executable(String which) {
        String exe = which.equals("v2") ? "/usr/bin/aws" : "aws";
        try {
            Run version = run(exe, List.of("--version"));
            String text = version.out + version.err;
            assumeTrue(version.exit == 0 && text.startsWith(which.equals("v2") ? "aws-cli/2." : "aws-cli/1."),
                    which + " CLI not installed");
        } catch (IOException e) {
            assumeTrue(false, which + " CLI not installed: " + e.getMessage());
        }
        return exe;
    }

    private static Run aws(String exe, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", cloud.endpoint().toString(), "--region",
                "eu-west-1", "--output", "json"));
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
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
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

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void cloudWatchCallsParseInTheProtocolEachCliSpeaks(String which) throws IOException {
        String aws = executable(which);

        Run list = aws(aws, "cloudwatch", "list-dashboards");
        Run delete = aws(aws, "cloudwatch", "delete-dashboards", "--dashboard-names", "a", "b");
        Run put = aws(aws, "cloudwatch", "put-metric-data", "--namespace", "App", "--metric-name", "Lat",
                "--value", "1.5", "--dimensions", "Svc=a");
        var putInput = monitoring.lastInput.get();
        var putContext = monitoring.lastContext.get();
        Run missing = aws(aws, "cloudwatch", "get-dashboard", "--dashboard-name", "d9");

        assertThat(list.exit).as(list.err).isZero();
        assertThat(list.json().at("/DashboardEntries/0/DashboardName").asText()).isEqualTo("d1");
        assertThat(delete.exit).as(delete.err).isZero();
        assertThat(put.exit).as(put.err).isZero();
        assertThat(putInput.string("Namespace")).hasValue("App");
        assertThat(putInput.structs("MetricData").get(0).dbl("Value")).hasValue(1.5);
        assertThat(putInput.structs("MetricData").get(0).structs("Dimensions").get(0).string("Value")).hasValue("a");
        assertThat(putContext.region()).isEqualTo("eu-west-1");
        assertThat(missing.exit).isNotZero();
        assertThat(missing.err).contains("An error occurred (ResourceNotFound) when calling the GetDashboard operation:"
                + " Dashboard d9 does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void cloudFormationAndXrayCallsParse(String which) throws IOException {
        String aws = executable(which);

        Run stacks = aws(aws, "cloudformation", "describe-stacks", "--stack-name", "s1");
        Run missing = aws(aws, "cloudformation", "describe-stacks", "--stack-name", "s9");
        Run graph = aws(aws, "xray", "get-service-graph", "--start-time", "1704153600", "--end-time", "1704157200");

        assertThat(stacks.exit).as(stacks.err).isZero();
        assertThat(stacks.json().at("/Stacks/0/Description").asText()).isEqualTo("a <b> & \"c\"");
        assertThat(missing.err).contains("(ValidationError) when calling the DescribeStacks operation: "
                + "Stack with id s9 does not exist");
        assertThat(graph.exit).as(graph.err).isZero();
        assertThat(graph.json().at("/Services/0/Name").asText()).isEqualTo("front");
    }
}
