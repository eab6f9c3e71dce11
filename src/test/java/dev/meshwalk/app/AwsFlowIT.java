package dev.meshwalk.app;

import static dev.meshwalk.testsupport.InProcessMain.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.meshwalk.testsupport.InProcessMain.Run;
import dev.meshwalk.testsupport.RunningLocalCloud;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The AWS-only steps (preflight, cost notice, ECR teardown) run through the real SDK against an embedded local
 * cloud, forced on with the hidden {@code --aws-flow}: the same calls a real account gets, proven on the wire.
 * The local cloud serves no IAM, EC2 or ECR, so the probe's facts come back unknown and the notes say so.
 */
@Tag("integration")
class AwsFlowIT {

    @TempDir
    Path state;

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private String endpoint;
    private final String project = "aws" + Long.toString(System.nanoTime() % 1_000_000, 36);

    @BeforeEach
    void start() {
        System.setProperty("meshwalk.stateDir", state.toString());
        endpoint = cloud.endpoint().toString();
    }

    @AfterEach
    void stop() {
        System.clearProperty("meshwalk.stateDir");
    }

    @Test
    void preflightCostNoticeDeployAndTeardownLeaveNothingBehind() {
        Run mesh = run("--endpoint-url", endpoint, "deploy", "2", "--yes", "--aws-flow", "--project", project);
        assertThat(mesh.code()).as(mesh.output()).isEqualTo(1);
        assertThat(mesh.output()).contains("App Mesh").contains("2026-09-30").contains("without --aws")
                .doesNotContain("Cost notice").doesNotContain("CREATE_IN_PROGRESS");
        assertThat(describeOurStacks()).as("nothing created after the App Mesh stop").isZero();

        Run deploy = run("--endpoint-url", endpoint, "deploy", "0", "--yes", "--aws-flow", "--skip-appmesh-preflight",
                "--project", project);
        assertThat(deploy.code()).as(deploy.output()).isZero();
        assertThat(deploy.output()).contains("Preflight for chapter 0-prelude")
                .contains("Could not check the ECS service-linked role")
                .contains("Cost notice: chapter 0-prelude").contains("2 NAT gateways").contains("Accepted with --yes")
                .contains("CREATE_COMPLETE").contains("Front endpoint: http");

        Run again = run("--endpoint-url", endpoint, "deploy", "0", "--yes", "--aws-flow", "--project", project);
        assertThat(again.code()).as(again.output()).isZero();
        assertThat(again.output()).as("the notice shows once per account and region").doesNotContain("Cost notice")
                .contains("No changes");

        Run teardown = run("--endpoint-url", endpoint, "teardown", "--yes", "--aws-flow", "--project", project);
        assertThat(teardown.code()).as(teardown.output()).isZero();
        assertThat(teardown.output()).contains("DELETE_COMPLETE").contains("ECR repositories could not be listed");
        assertThat(describeOurStacks()).isZero();
    }

    private long describeOurStacks() {
        try (CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            return cfn.describeStacks().stacks().stream().map(Stack::stackName)
                    .filter(n -> n.contains(project)).count();
        }
    }
}
