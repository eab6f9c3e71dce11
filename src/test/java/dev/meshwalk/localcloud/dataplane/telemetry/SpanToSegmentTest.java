package dev.meshwalk.localcloud.dataplane.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a segment says it ran: {@code origin} (the node type on the service map) and the {@code aws} block, from the
 * span's resource, by the rules of the X-Ray exporter the CloudWatch agent runs.
 */
class SpanToSegmentTest {
    private static final String TASK_ARN = "arn:aws:ecs:us-east-1:123456789012:task/howto-ecs-basics/0123456789abcdef0123456789abcdef";
    private static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/howto-ecs-basics";
    private static final String CONTAINER_ARN = "arn:aws:ecs:us-east-1:123456789012:container/howto-ecs-basics/"
            + "0123456789abcdef0123456789abcdef/5f0d5a32-4f1c-4b5e-9d8c-2a7b6c5d4e3f";

    private final ObjectMapper json = new ObjectMapper();
    private final SpanToSegment translator = new SpanToSegment("unknown");

    private JsonNode serverSegment(Map<String, Object> resource) throws Exception {
        Map<String, Object> withName = new HashMap<>(resource);
        withName.put("service.name", "front");
        return json.readTree(translator.translate(new OtlpSpan("5759e988bd862e3fe1be46a994272793", "53995c3f42cd8ad8",
                null, "GET /color", OtlpSpan.KIND_SERVER, 1_000_000_000L, 1_100_000_000L, 0, "",
                Map.of("http.request.method", "GET", "http.response.status_code", 200L), withName)));
    }

    private static Map<String, Object> ecsResource(String launchType) {
        Map<String, Object> resource = new HashMap<>(Map.of("cloud.provider", "aws", "cloud.platform", "aws_ecs",
                "aws.ecs.task.arn", TASK_ARN, "aws.ecs.cluster.arn", CLUSTER_ARN, "aws.ecs.container.arn", CONTAINER_ARN,
                "container.name", "app", "container.id", "0123456789abcdef0123456789abcdef-1234567890",
                "cloud.account.id", "123456789012", "cloud.availability_zone", "us-east-1a",
                "aws.ecs.task.family", "howto-ecs-basics-front"));
        if (launchType != null) {
            resource.put("aws.ecs.launchtype", launchType);
        }
        return resource;
    }

    @Test
    void anEcsContainerWithoutLaunchTypeIsAnEcsContainer() throws Exception {
        assertThat(serverSegment(ecsResource(null)).path("origin").asText()).isEqualTo("AWS::ECS::Container");
    }

    @Test
    void theLaunchTypeRefinesTheEcsOriginAsTheExporterDoes() throws Exception {
        assertThat(serverSegment(ecsResource("fargate")).path("origin").asText()).isEqualTo("AWS::ECS::Fargate");
        assertThat(serverSegment(ecsResource("ec2")).path("origin").asText()).isEqualTo("AWS::ECS::EC2");
        assertThat(serverSegment(ecsResource("external")).path("origin").asText()).isEqualTo("AWS::ECS::Container");
    }

    @Test
    void anEcsSegmentCarriesTheEcsBlockAndTheAccount() throws Exception {
        JsonNode aws = serverSegment(ecsResource("fargate")).path("aws");

        assertThat(aws.path("account_id").asText()).isEqualTo("123456789012");
        JsonNode ecs = aws.path("ecs");
        assertThat(ecs.path("container").asText()).isEqualTo("app");
        assertThat(ecs.path("container_id").asText()).isEqualTo("0123456789abcdef0123456789abcdef-1234567890");
        assertThat(ecs.path("task_arn").asText()).isEqualTo(TASK_ARN);
        assertThat(ecs.path("cluster_arn").asText()).isEqualTo(CLUSTER_ARN);
        assertThat(ecs.path("container_arn").asText()).isEqualTo(CONTAINER_ARN);
        assertThat(ecs.path("task_family").asText()).isEqualTo("howto-ecs-basics-front");
        assertThat(ecs.path("availability_zone").asText()).isEqualTo("us-east-1a");
        assertThat(ecs.path("launch_type").asText()).isEqualTo("fargate");
        assertThat(aws.path("xray").path("sdk").asText()).startsWith("opentelemetry for ");
        assertThat(aws.has("ec2")).isFalse();
    }

    @Test
    void ec2AndEksPlatformsGiveTheirOrigins() throws Exception {
        JsonNode ec2 = serverSegment(Map.of("cloud.provider", "aws", "cloud.platform", "aws_ec2",
                "host.id", "i-0123456789abcdef0", "host.type", "t3.micro"));
        assertThat(ec2.path("origin").asText()).isEqualTo("AWS::EC2::Instance");
        assertThat(ec2.path("aws").path("ec2").path("instance_id").asText()).isEqualTo("i-0123456789abcdef0");
        assertThat(ec2.path("aws").path("ec2").path("instance_size").asText()).isEqualTo("t3.micro");
        assertThat(ec2.path("aws").has("ecs")).isFalse();

        assertThat(serverSegment(Map.of("cloud.platform", "aws_eks")).path("origin").asText())
                .isEqualTo("AWS::EKS::Container");
    }

    @Test
    void aResourceOfAnotherCloudOrWithoutPlatformGivesNoOriginAndNoEcsBlock() throws Exception {
        Map<String, Object> gcp = new HashMap<>(ecsResource(null));
        gcp.put("cloud.provider", "gcp");
        JsonNode elsewhere = serverSegment(gcp);
        assertThat(elsewhere.has("origin")).isFalse();
        assertThat(elsewhere.path("aws").has("ecs")).isFalse();
        assertThat(elsewhere.path("aws").has("account_id")).isFalse();

        JsonNode unknown = serverSegment(Map.of("cloud.provider", "aws"));
        assertThat(unknown.has("origin")).as("no cloud.platform: the map shows no type, as X-Ray does").isFalse();
        assertThat(unknown.path("aws").has("ecs")).isFalse();
    }

    @Test
    void subsegmentsNeverCarryAnOriginOrTheResourceBlocks() throws Exception {
        Map<String, Object> resource = new HashMap<>(ecsResource("fargate"));
        resource.put("service.name", "front");
        JsonNode sub = json.readTree(translator.translate(new OtlpSpan("5759e988bd862e3fe1be46a994272793",
                "aaaaaaaaaaaaaaaa", "53995c3f42cd8ad8", "GET", OtlpSpan.KIND_CLIENT, 1_000_000_000L, 1_050_000_000L, 0,
                "", Map.of("server.address", "color.howto.local"), resource)));

        assertThat(sub.path("type").asText()).isEqualTo("subsegment");
        assertThat(sub.has("origin")).isFalse();
        assertThat(sub.has("aws")).isFalse();
    }
}
