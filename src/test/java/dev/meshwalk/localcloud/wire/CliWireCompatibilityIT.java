package dev.meshwalk.localcloud.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.meshwalk.testsupport.AwsCli;
import dev.meshwalk.testsupport.AwsCli.Run;
import dev.meshwalk.testsupport.RunningLocalCloud;

/**
 * Both real AWS CLIs against the wire layer with a test service: pip's v1 (awsJson1_0 for CloudWatch) and
 * Debian's v2 2.9.19 (awsQuery for CloudWatch); both use awsQuery for CloudFormation and restJson1 for X-Ray.
 * A CLI that is not installed is skipped, not failed.
 */
@Tag("integration")
class CliWireCompatibilityIT {

    private final RecordingService monitoring = new RecordingService("monitoring");
    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.serving(new RecordingService("cloudformation"), monitoring,
            new RecordingService("xray"));

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void cloudWatchCallsParseInTheProtocolEachCliSpeaks(String which) throws IOException {
        AwsCli aws = AwsCli.installed(which, cloud.endpoint(), "eu-west-1");

        Run list = aws.run("cloudwatch", "list-dashboards");
        Run delete = aws.run("cloudwatch", "delete-dashboards", "--dashboard-names", "a", "b");
        Run put = aws.run("cloudwatch", "put-metric-data", "--namespace", "App", "--metric-name", "Lat",
                "--value", "1.5", "--dimensions", "Svc=a");
        var putInput = monitoring.lastInput.get();
        var putContext = monitoring.lastContext.get();
        Run missing = aws.run("cloudwatch", "get-dashboard", "--dashboard-name", "d9");

        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.json().at("/DashboardEntries/0/DashboardName").asText()).isEqualTo("d1");
        assertThat(delete.exit()).as(delete.err()).isZero();
        assertThat(put.exit()).as(put.err()).isZero();
        assertThat(putInput.string("Namespace")).hasValue("App");
        assertThat(putInput.structs("MetricData").get(0).dbl("Value")).hasValue(1.5);
        assertThat(putInput.structs("MetricData").get(0).structs("Dimensions").get(0).string("Value")).hasValue("a");
        assertThat(putContext.region()).isEqualTo("eu-west-1");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("An error occurred (ResourceNotFound) when calling the GetDashboard operation:"
                + " Dashboard d9 does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void cloudFormationAndXrayCallsParse(String which) throws IOException {
        AwsCli aws = AwsCli.installed(which, cloud.endpoint(), "eu-west-1");

        Run stacks = aws.run("cloudformation", "describe-stacks", "--stack-name", "s1");
        Run missing = aws.run("cloudformation", "describe-stacks", "--stack-name", "s9");
        Run graph = aws.run("xray", "get-service-graph", "--start-time", "1704153600", "--end-time", "1704157200");

        assertThat(stacks.exit()).as(stacks.err()).isZero();
        assertThat(stacks.json().at("/Stacks/0/Description").asText()).isEqualTo("a <b> & \"c\"");
        assertThat(missing.err()).contains("(ValidationError) when calling the DescribeStacks operation: "
                + "Stack with id s9 does not exist");
        assertThat(graph.exit()).as(graph.err()).isZero();
        assertThat(graph.json().at("/Services/0/Name").asText()).isEqualTo("front");
    }
}
