package dev.meshwalk.apps.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ECS resource detector against a fake task metadata endpoint v4 on loopback. */
class EcsResourceDetectorTest {
    private static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/howto-ecs-basics";

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final EcsResourceDetector detector =
            new EcsResourceDetector(new PrintStream(warnings, true, StandardCharsets.UTF_8));

    private static String attribute(Resource resource, String key) {
        return resource.getAttribute(AttributeKey.stringKey(key));
    }

    @Test
    void aFargateContainerIsDescribedByTheStandardEcsAttributes() throws Exception {
        try (FakeEcsMetadataEndpoint ecs = new FakeEcsMetadataEndpoint(FakeEcsMetadataEndpoint.fargateContainer(),
                FakeEcsMetadataEndpoint.fargateTask(CLUSTER_ARN))) {
            Resource resource = detector.detect(new Environment(Map.of(EcsResourceDetector.METADATA_VARIABLE, ecs.uri())),
                    "front");

            assertThat(attribute(resource, "cloud.provider")).isEqualTo("aws");
            assertThat(attribute(resource, "cloud.platform")).isEqualTo("aws_ecs");
            assertThat(attribute(resource, "aws.ecs.container.arn")).isEqualTo("arn:aws:ecs:us-east-1:123456789012:"
                    + "container/howto-ecs-basics/cd189a933e5849daa93386466019ab50/05966557-f16c-49cb-9352-24b3a0dcd0e1");
            assertThat(attribute(resource, "cloud.resource_id")).isEqualTo(attribute(resource, "aws.ecs.container.arn"));
            assertThat(attribute(resource, "aws.ecs.task.arn"))
                    .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task/howto-ecs-basics/cd189a933e5849daa93386466019ab50");
            assertThat(attribute(resource, "aws.ecs.task.id")).isEqualTo("cd189a933e5849daa93386466019ab50");
            assertThat(attribute(resource, "aws.ecs.cluster.arn")).isEqualTo(CLUSTER_ARN);
            assertThat(attribute(resource, "aws.ecs.launchtype")).isEqualTo("fargate");
            assertThat(attribute(resource, "aws.ecs.task.family")).isEqualTo("howto-ecs-basics-front");
            assertThat(attribute(resource, "aws.ecs.task.revision")).isEqualTo("3");
            assertThat(attribute(resource, "container.id")).isEqualTo("cd189a933e5849daa93386466019ab50-2495160603");
            assertThat(attribute(resource, "container.name")).isEqualTo("app");
            assertThat(attribute(resource, "container.image.name"))
                    .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/front");
            assertThat(attribute(resource, "cloud.region")).isEqualTo("us-east-1");
            assertThat(attribute(resource, "cloud.account.id")).isEqualTo("123456789012");
            assertThat(attribute(resource, "cloud.availability_zone")).isEqualTo("us-east-1a");
            assertThat(resource.getAttribute(AttributeKey.stringArrayKey("aws.log.group.names")))
                    .containsExactly("howto-ecs-basics");
            assertThat(ecs.requestedPaths()).containsExactly(
                    "/v4/9f1c2b7e0a3d4c5b8e6f7a8b9c0d1e2f-1234567890",
                    "/v4/9f1c2b7e0a3d4c5b8e6f7a8b9c0d1e2f-1234567890/task");
            assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void aShortClusterNameBecomesTheClusterArnOfTheTasksRegionAndAccount() throws Exception {
        try (FakeEcsMetadataEndpoint ecs = new FakeEcsMetadataEndpoint(FakeEcsMetadataEndpoint.fargateContainer(),
                FakeEcsMetadataEndpoint.fargateTask("howto-ecs-basics"))) {
            Resource resource = detector.detect(new Environment(Map.of(EcsResourceDetector.METADATA_VARIABLE,
                    ecs.uri() + "/")), "front");

            assertThat(attribute(resource, "aws.ecs.cluster.arn")).isEqualTo(CLUSTER_ARN);
        }
    }

    @Test
    void outsideEcsNothingIsAskedAndTheResourceStaysEmpty() {
        Resource resource = detector.detect(new Environment(Map.of("PORT", "0")), "front");

        assertThat(resource.getAttributes().isEmpty()).isTrue();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anEndpointThatIsDownLeavesTheResourceEmptyAndSaysWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Resource resource = detector.detect(new Environment(Map.of(EcsResourceDetector.METADATA_VARIABLE,
                "http://127.0.0.1:" + closedPort + "/v4/abc")), "color");

        assertThat(resource.getAttributes().isEmpty()).isTrue();
        assertThat(warnings.toString(StandardCharsets.UTF_8))
                .startsWith("color: ECS task metadata at http://127.0.0.1:" + closedPort + "/v4/abc could not be read")
                .contains("ECS_CONTAINER_METADATA_URI_V4");
    }

    @Test
    void anEndpointAnsweringSomethingElseThanJsonObjectsIsReportedNotTrusted() throws Exception {
        try (FakeEcsMetadataEndpoint ecs = new FakeEcsMetadataEndpoint("[1, 2]", "{}")) {
            Resource resource = detector.detect(new Environment(Map.of(EcsResourceDetector.METADATA_VARIABLE,
                    ecs.uri())), "front");

            assertThat(resource.getAttributes().isEmpty()).isTrue();
            assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("did not answer a JSON object");
        }
    }

    @Test
    void theTelemetryResourceCarriesTheEcsAttributesAndTheOperatorsAttributesWin() throws Exception {
        try (FakeEcsMetadataEndpoint ecs = new FakeEcsMetadataEndpoint(FakeEcsMetadataEndpoint.fargateContainer(),
                FakeEcsMetadataEndpoint.fargateTask(CLUSTER_ARN));
             FakeOtlpReceiver receiver = new FakeOtlpReceiver()) {
            Telemetry telemetry = Telemetry.start(new Environment(Map.of(
                    EcsResourceDetector.METADATA_VARIABLE, ecs.uri(),
                    "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                    "OTEL_RESOURCE_ATTRIBUTES", "service.name=ignored,aws.ecs.task.family=from-operator",
                    // close() waits for the export; the default 2 s is too short on a machine under heavy load
                    "OTEL_EXPORTER_OTLP_TIMEOUT", "30000",
                    "XRAY_APP_NAME", "front")), "front");
            try (Telemetry.ClientSpan span = telemetry.startClientSpan("GET", "color", 8080, "/")) {
                span.answered(200);
            }
            telemetry.close();
            assertThat(telemetry.describeExport()).as("the app's start-up line")
                    .isEqualTo("traces to " + receiver.endpoint() + "/v1/traces as ECS task cd189a933e5849daa93386466019ab50");

            assertThat(receiver.resources()).isNotEmpty();
            Map<String, String> resource = receiver.resources().get(0);
            assertThat(resource).containsEntry("cloud.platform", "aws_ecs")
                    .containsEntry("aws.ecs.task.arn",
                            "arn:aws:ecs:us-east-1:123456789012:task/howto-ecs-basics/cd189a933e5849daa93386466019ab50")
                    .containsEntry("aws.ecs.task.family", "from-operator")
                    .containsEntry("service.name", "front")
                    .containsKey("telemetry.sdk.version");
            assertThat(List.copyOf(resource.keySet())).contains("aws.ecs.container.arn", "aws.ecs.launchtype");
        }
    }
}
