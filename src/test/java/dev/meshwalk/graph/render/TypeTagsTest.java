package dev.meshwalk.graph.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The short tags the map and table put on a node for its X-Ray type. */
class TypeTagsTest {

    @Test
    void everyEcsOriginIsTaggedEcs() {
        // what X-Ray shows for an app depends on how it reports its platform: the X-Ray SDK's ECS plugin sends
        // AWS::ECS::Container, OpenTelemetry through the CloudWatch agent the launch type's AWS::ECS::Fargate/EC2
        assertThat(TypeTags.of("AWS::ECS::Container")).isEqualTo("ECS");
        assertThat(TypeTags.of("AWS::ECS::Fargate")).isEqualTo("ECS");
        assertThat(TypeTags.of("AWS::ECS::EC2")).isEqualTo("ECS");
    }

    @Test
    void proxiesClientsAndOtherPlatformsKeepTheirOwnTags() {
        assertThat(TypeTags.of("AWS::AppMesh::Proxy")).isEqualTo("proxy");
        assertThat(TypeTags.of("client")).isEqualTo("client");
        assertThat(TypeTags.of("AWS::EKS::Container")).isEqualTo("EKS");
        assertThat(TypeTags.of("AWS::EC2::Instance")).isEqualTo("EC2");
        assertThat(TypeTags.of("AWS::AppRunner::Service")).isEqualTo("AppRunner");
        assertThat(TypeTags.of("AWS::DynamoDB")).isEqualTo("DynamoDB");
    }

    @Test
    void aNodeWithoutTypeIsAService() {
        assertThat(TypeTags.of(null)).isEqualTo("service");
        assertThat(TypeTags.of(" ")).isEqualTo("service");
    }
}
