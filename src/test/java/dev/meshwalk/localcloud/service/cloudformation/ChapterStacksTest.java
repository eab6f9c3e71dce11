package dev.meshwalk.localcloud.service.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The project's own chapter stacks (shipped on the classpath under {@code stacks/}) through the engine. */
class ChapterStacksTest {

    static final List<String> CHAPTERS = List.of("0-prelude", "1-servicediscovery", "2-meshify", "3-routing",
            "4-serviceconnect", "5-canary");
    private final CfnCalls cfn = new CfnCalls();

    @AfterEach
    void close() {
        cfn.close();
    }

    static String stack(String chapter) {
        try (InputStream in = ChapterStacksTest.class.getResourceAsStream("/stacks/" + chapter + ".yaml")) {
            if (in == null) {
                throw new AssertionError("stacks/" + chapter + ".yaml is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> images() {
        return CfnCalls.params("FrontAppImage", "front:latest", "ColorAppImage", "color:latest");
    }

    @Test
    void everyChapterDeploysInSequenceAsOneStackAndBackToTheStart() {
        String type = "CREATE";
        for (String chapter : CHAPTERS) {
            Map<String, Object> cs = cfn.deploy("demo", stack(chapter), type, "Parameters", images());
            assertThat(cs.get("Status")).as(chapter + ": " + cs.get("StatusReason")).isEqualTo("CREATE_COMPLETE");
            assertThat(cfn.status("demo")).as(chapter + " " + cfn.stack("demo").get("StackStatusReason"))
                    .isEqualTo(type.equals("CREATE") ? "CREATE_COMPLETE" : "UPDATE_COMPLETE");
            assertThat(cfn.outputs("demo").get("FrontEndpoint")).startsWith("http://");
            if (chapter.equals("3-routing")) {
                assertThat(cfn.providers.appMesh().ofType("AWS::AppMesh::Route")).hasSize(1);
                assertThat(cfn.providers.ecs().ofType("AWS::ECS::Service")).hasSize(3);
            }
            type = "UPDATE";
        }
        assertThat(cfn.providers.appMesh().all()).as("Service Connect chapters have no mesh").isEmpty();
        assertThat(cfn.providers.ecs().ofType("AWS::ECS::Service")).hasSize(2);
        cfn.deploy("demo", stack("0-prelude"), "UPDATE", "Parameters", images());
        assertThat(cfn.status("demo")).isEqualTo("UPDATE_COMPLETE");
        assertThat(cfn.providers.appMesh().all()).isEmpty();
        assertThat(cfn.providers.cloudMap().all()).isEmpty();
        cfn.call("DeleteStack", "StackName", "demo");
        assertThat(cfn.providers.ecs().all()).isEmpty();
        assertThat(cfn.providers.ec2().all()).isEmpty();
    }

    @Test
    void chapterThreeDeploysDirectlyFromNothing() {
        cfn.deploy("direct", stack("3-routing"), "CREATE", "Parameters", images());
        assertThat(cfn.status("direct")).isEqualTo("CREATE_COMPLETE");
        assertThat(cfn.outputs("direct")).containsKeys("FrontEndpoint", "ClusterName", "MeshName");
    }
}
