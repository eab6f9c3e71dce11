package dev.meshwalk.localcloud.service.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.dataplane.DataPlaneConfig;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.ecs.BuiltInApps;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.provider.runtime.DataPlaneBridge;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The project's chapter stacks deployed through the engine with the data plane attached: the stack's resources
 * really run, and its public endpoint answers from the real apps.
 */
class ChapterStacksOnDataPlaneTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern COLOR = Pattern.compile("^\\{\"color\":\"(\\w+)\"");

    private DataPlane dataPlane;
    private CfnCalls cfn;

    @BeforeEach
    void start() throws IOException {
        dataPlane = DataPlane.start(DataPlaneConfig.defaults(BuiltInApps.catalog())
                .withTimings(new LocalTimings(1.0 / 600, Duration.ofMillis(50))));
        ProviderRegistry providers = ProviderRegistry.standard();
        DataPlaneBridge.attach(providers, dataPlane, Duration.ofSeconds(30));
        cfn = new CfnCalls(providers, EngineSettings.defaults().withSyncWait(Duration.ofSeconds(60)));
    }

    @AfterEach
    void stop() {
        cfn.close();
        dataPlane.close();
    }

    private static List<Object> images() {
        return CfnCalls.params("FrontAppImage", "front:latest", "ColorAppImage", "color:latest");
    }

    /** The stack's FrontEndpoint output, used as is: it must be a URL anyone on this machine can call. */
    private String endpoint(String stack) {
        String frontEndpoint = String.valueOf(cfn.outputs(stack).get("FrontEndpoint"));
        assertThat(frontEndpoint).matches("http://127\\.\\d+\\.\\d+\\.\\d+(:\\d+)?");
        assertThat(dataPlane.loadBalancers().endpointUrl(frontEndpoint)).contains(frontEndpoint);
        return frontEndpoint;
    }

    private static Map<String, Integer> colors(String url, int requests) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/color"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = COLOR.matcher(r.body());
            counts.merge(r.statusCode() == 200 && m.find() ? m.group(1) : r.statusCode() + " " + r.body(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void everyChapterInSequenceAnswersFromTheRealAppsAndGoingBackToThePreludeRemovesTheMesh() throws Exception {
        String type = "CREATE";
        for (String chapter : ChapterStacksTest.CHAPTERS) {
            cfn.deploy("demo", ChapterStacksTest.stack(chapter), type, "Parameters", images());
            assertThat(cfn.status("demo")).as(chapter + ": " + cfn.stack("demo").get("StackStatusReason"))
                    .isEqualTo(type + "_COMPLETE");
            Map<String, Integer> counts = colors(endpoint("demo"), 40);
            switch (chapter) {
                case "3-routing" -> {
                    assertThat(counts).as(chapter).containsOnlyKeys("green", "blue");
                    assertThat(dataPlane.appMesh().proxies()).hasSize(9);
                }
                case "4-serviceconnect" -> {
                    // an ordinary update from the mesh: no proxy of App Mesh is left, color serves through its alias
                    assertThat(counts).as(chapter).containsExactly(Map.entry("green", 40));
                    assertThat(dataPlane.appMesh().proxies()).isEmpty();
                    assertThat(dataPlane.serviceConnect().endpoints("howto-ecs-basics.sc", "color")).hasSize(3);
                }
                // the canary has completed when the update does: only blue answers
                case "5-canary" -> assertThat(counts).as(chapter).containsExactly(Map.entry("blue", 40));
                default -> assertThat(counts).as(chapter).containsExactly(Map.entry("green", 40));
            }
            type = "UPDATE";
        }

        cfn.deploy("demo", ChapterStacksTest.stack("0-prelude"), "UPDATE", "Parameters", images());

        assertThat(cfn.status("demo")).isEqualTo("UPDATE_COMPLETE");
        assertThat(colors(endpoint("demo"), 20)).containsExactly(Map.entry("green", 20));
        assertThat(dataPlane.appMesh().proxies()).isEmpty();
        assertThat(dataPlane.dns().resolveIpv4("color.howto-ecs-basics.pvtdns")).isEmpty();
        assertThat(dataPlane.serviceConnect().endpoints("howto-ecs-basics.sc", "color")).isEmpty();
    }

    @Test
    void chapterThreeSplitsTrafficThroughTheMeshAndDeleteStackLeavesNothingListening() throws Exception {
        cfn.deploy("direct", ChapterStacksTest.stack("3-routing"), "CREATE", "Parameters", images());
        assertThat(cfn.status("direct")).as(String.valueOf(cfn.stack("direct").get("StackStatusReason")))
                .isEqualTo("CREATE_COMPLETE");
        String url = endpoint("direct");

        Map<String, Integer> counts = colors(url, 200);

        assertThat(counts.keySet()).containsExactlyInAnyOrder("green", "blue");
        assertThat(counts.get("green")).isBetween(90, 110);
        cfn.call("DeleteStack", "StackName", "direct");
        assertThat(dataPlane.ecs().tasks()).isEmpty();
        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create(url + "/color"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
