package dev.meshwalk.localcloud.dataplane.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageMapTest {

    private final ImageMap map = ImageMap.defaults();

    @Test
    void repositoryIsTheLastPathSegmentWithoutRegistryTagOrDigest() {
        assertThat(ImageMap.repositoryOf("123456789012.dkr.ecr.us-east-1.amazonaws.com/howto-ecs-basics/colorapp:3f2a"))
                .isEqualTo("colorapp");
        assertThat(ImageMap.repositoryOf("public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod"))
                .isEqualTo("aws-appmesh-envoy");
        assertThat(ImageMap.repositoryOf("amazon/aws-xray-daemon@sha256:abc")).isEqualTo("aws-xray-daemon");
        assertThat(ImageMap.repositoryOf("localhost:5000/front")).isEqualTo("front");
    }

    @Test
    void defaultsMapTheSeedImagesToLocalPrograms() {
        assertThat(map.kindOf("howto-ecs-basics/feapp:1")).contains(ContainerKind.FRONT_APP);
        assertThat(map.kindOf("howto-ecs-basics/colorapp:1")).contains(ContainerKind.COLOR_APP);
        assertThat(map.kindOf("amazon/aws-xray-daemon")).contains(ContainerKind.XRAY_DAEMON);
        assertThat(map.kindOf("howto-ecs-basics/cwagent")).contains(ContainerKind.CLOUDWATCH_AGENT);
        assertThat(map.kindOf("envoyproxy/envoy:v1.30")).contains(ContainerKind.MESH_PROXY);
        assertThat(map.kindOf("nginx:latest")).isEmpty();
    }

    @Test
    void extraMappingsAddToACopy() {
        ImageMap custom = map.with("my-colors", ContainerKind.COLOR_APP);

        assertThat(custom.kindOf("registry/my-colors:2")).contains(ContainerKind.COLOR_APP);
        assertThat(map.kindOf("registry/my-colors:2")).isEmpty();
    }

    @Test
    void unknownImageReasonNamesTheImageAndTheKnownRepositories() {
        assertThat(map.unknownImageReason("nginx:latest"))
                .startsWith("CannotPullContainerError: image nginx:latest is not known to the local cloud")
                .contains("colorapp").contains("aws-appmesh-envoy");
    }
}
