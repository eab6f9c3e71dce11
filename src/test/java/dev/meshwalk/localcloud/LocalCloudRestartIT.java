package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * Chapter 3 deployed on a local cloud that keeps its state, the local cloud stopped, a new one started on the same
 * folder: the stack is back complete with the same outputs, its endpoint answers from the real apps split about
 * 50/50 again (tasks, load balancers, mesh proxies rebuilt), and it can be deleted.
 */
@Tag("integration")
class LocalCloudRestartIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern COLOR = Pattern.compile("^\\{\"color\":\"(\\w+)\"");

    @TempDir
    Path state;

    private LocalCloud cloud;
    private LocalCloudStorage storage;
    private CloudFormationClient cfn;

    @AfterEach
    void stop() {
        close();
    }

    private void startCloud() throws IOException {
        storage = LocalCloudStorage.in(state);
        assertThat(storage.tryLock()).isTrue();
        cloud = LocalCloudServices.addDefaults(LocalCloud.builder(), storage).build().start();
        cfn = CloudFormationClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private void close() {
        if (cfn != null) {
            cfn.close();
            cfn = null;
        }
        if (cloud != null) {
            cloud.close();
            cloud = null;
        }
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }

    @Test
    void chapterThreeComesBackCompleteWithItsOutputsAnswersFiftyFiftyAndCanBeDeleted() throws Exception {
        startCloud();
        String body = template("3-routing");
        cfn.createStack(b -> b.stackName("restart").templateBody(body)
                .capabilities(Capability.CAPABILITY_NAMED_IAM)
                .parameters(param("FrontAppImage", "front:latest"), param("ColorAppImage", "color:latest")));
        Stack made = settle("restart");
        assertThat(made.stackStatus()).as(made.stackStatusReason()).isEqualTo(StackStatus.CREATE_COMPLETE);
        String endpoint = output(made, "FrontEndpoint");
        assertSplit(colors(endpoint, 100));

        close();
        startCloud();

        Stack back = cfn.describeStacks(b -> b.stackName("restart")).stacks().get(0);
        assertThat(back.stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);
        assertThat(back.stackId()).isEqualTo(made.stackId());
        assertThat(back.outputs()).containsExactlyInAnyOrderElementsOf(made.outputs());
        assertThat(storage.notices()).as("nothing failed to come back").isEmpty();
        assertSplit(colors(endpoint, 100));

        cfn.deleteStack(b -> b.stackName(made.stackId()));
        assertThat(settle(made.stackId()).stackStatus()).isEqualTo(StackStatus.DELETE_COMPLETE);
        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/color"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    private static void assertSplit(Map<String, Integer> counts) {
        assertThat(counts).as("answers by color").containsOnlyKeys("green", "blue");
        assertThat(counts.get("green")).as("green of 100, weights 50/50").isBetween(30, 70);
    }

    private Stack settle(String stack) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            Stack s = cfn.describeStacks(b -> b.stackName(stack)).stacks().get(0);
            if (!s.stackStatusAsString().endsWith("_IN_PROGRESS") || System.nanoTime() > deadline) {
                return s;
            }
            Thread.sleep(250); // polling the stack's status
        }
    }

    private static String output(Stack stack, String key) {
        return stack.outputs().stream().filter(o -> o.outputKey().equals(key)).map(Output::outputValue)
                .findFirst().orElseThrow();
    }

    private static Parameter param(String key, String value) {
        return Parameter.builder().parameterKey(key).parameterValue(value).build();
    }

    private static String template(String chapter) throws IOException {
        return Files.readString(Path.of("stacks", chapter + ".yaml"));
    }

    /** Answers by color; anything else (an error status) is counted under its status, so the assertion names it. */
    private static Map<String, Integer> colors(String url, int requests) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/color"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = COLOR.matcher(r.body());
            counts.merge(r.statusCode() == 200 && m.find() ? m.group(1) : "HTTP " + r.statusCode(), 1, Integer::sum);
        }
        return counts;
    }
}
