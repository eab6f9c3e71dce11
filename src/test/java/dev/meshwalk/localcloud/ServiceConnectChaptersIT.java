package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.ResourceStatus;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Segment;
import software.amazon.awssdk.services.xray.model.Trace;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * Chapters 4 and 5 on the embedded local cloud through the real SDK clients: Service Connect's alias reaches every
 * color task; a canary deployment gives blue half of the traffic for its bake time, then all of it, without a
 * failed request; a faulty blue trips the alarm, ECS rolls it back and the stack update fails naming the alarm.
 * The canary's bake time is 40 minutes here (20 s on the compressed clock) rather than the chapter's 90 minutes,
 * to keep the run short while still giving the canary window hundreds of requests.
 */
@Tag("integration")
class ServiceConnectChaptersIT {

    private static final String STACK = "sc";
    private static final String ALARM = "howto-ecs-basics-color-5xx";
    private static final Pattern COLOR = Pattern.compile("\"color\":\"(\\w+)\"");

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private CloudFormationClient cfn;

    @BeforeEach
    void clients() {
        cfn = cloud.client(CloudFormationClient.builder());
    }

    @Test
    void chapterFourAnswersGreenFromEveryColorTaskThroughTheAliasAndPublishesServiceConnectMetrics() throws Exception {
        Instant begin = Instant.now().minusSeconds(5);
        String front = create("4-serviceconnect");

        List<String> answers = sample(front, 60);
        assertThat(answers).hasSize(60).containsOnly("green");

        XRayClient xray = cloud.client(XRayClient.builder());
        Set<String> colorTasks = awaitColorTasks(xray, begin, 3);
        assertThat(colorTasks).as("color tasks that answered through the alias").hasSize(3);

        CloudWatchClient cloudWatch = cloud.client(CloudWatchClient.builder());
        assertThat(cloudWatch.listMetrics(b -> b.namespace("AWS/ECS").metricName("RequestCount")
                .dimensions(DimensionFilter.builder().name("DiscoveryName").value("color").build())).metrics())
                .as("color's inbound Service Connect metric").isNotEmpty();
        assertThat(cloudWatch.listMetrics(b -> b.namespace("AWS/ECS").metricName("HTTPCode_Target_2XX_Count")
                .dimensions(DimensionFilter.builder().name("TargetDiscoveryName").value("color").build())).metrics())
                .as("front's outbound Service Connect metric").isNotEmpty();
    }

    @Test
    void aCanaryGivesBlueHalfTheTrafficThenAllOfItAndAFaultyOneIsRolledBackByItsAlarm() throws Exception {
        String front = create("4-serviceconnect");

        Rollout good = rollOut(front, "0");
        assertThat(good.status()).isEqualTo(StackStatus.UPDATE_COMPLETE);
        assertThat(good.answers()).as("answers during the canary").doesNotContain("error")
                .contains("green", "blue");
        assertThat(bestWindowBlueShare(good.answers(), 300)).as("blue's share in the canary window of 300")
                .isBetween(0.44, 0.56);
        assertThat(sample(front, 100)).as("after the canary").containsOnly("blue");

        update("4-serviceconnect");
        assertThat(sample(front, 40)).containsOnly("green");

        Rollout faulty = rollOut(front, "30");
        assertThat(faulty.status()).isEqualTo(StackStatus.UPDATE_ROLLBACK_COMPLETE);
        assertThat(faulty.answers()).as("the faulty canary was seen").anyMatch(a -> !a.equals("green"));
        List<StackEvent> failures = cfn.describeStackEvents(b -> b.stackName(STACK)).stackEvents().stream()
                .filter(e -> e.resourceStatus() == ResourceStatus.UPDATE_FAILED).toList();
        assertThat(failures).anySatisfy(e -> {
            assertThat(e.logicalResourceId()).isEqualTo("ColorService");
            assertThat(e.resourceStatusReason()).contains(ALARM).contains("rolling back");
        });
        assertThat(sample(front, 100)).as("after the rollback").containsOnly("green");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** What the traffic looked like while an update to chapter 5 ran, and how the update ended. */
    private record Rollout(List<String> answers, StackStatus status) {
    }

    /** Updates to chapter 5 while sampling {@code /color} until the update has ended. */
    private Rollout rollOut(String front, String blueErrorPercent) throws Exception {
        CompletableFuture<StackStatus> done = CompletableFuture.supplyAsync(() -> {
            try {
                return update("5-canary", "BlueErrorPercent", blueErrorPercent, "CanaryBakeTimeInMinutes", "40");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> answers = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(180);
        while (!done.isDone() && Instant.now().isBefore(deadline)) {
            answers.add(answer(front));
        }
        return new Rollout(answers, done.get());
    }

    /** The blue share of the window of {@code size} consecutive answers whose share is nearest one half. */
    private static double bestWindowBlueShare(List<String> answers, int size) {
        assertThat(answers.size()).as("answers sampled").isGreaterThanOrEqualTo(size);
        double best = 0;
        int blue = 0;
        for (int i = 0; i < answers.size(); i++) {
            blue += answers.get(i).equals("blue") ? 1 : 0;
            if (i >= size) {
                blue -= answers.get(i - size).equals("blue") ? 1 : 0;
            }
            if (i >= size - 1) {
                double share = blue / (double) size;
                if (Math.abs(share - 0.5) < Math.abs(best - 0.5)) {
                    best = share;
                }
            }
        }
        return best;
    }

    private List<String> sample(String front, int count) throws Exception {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(answer(front));
        }
        return answers;
    }

    /** The color of one {@code /color} answer, or {@code error}. */
    private String answer(String front) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(front + "/color"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = COLOR.matcher(r.body());
            return r.statusCode() == 200 && m.find() ? m.group(1) : "error";
        } catch (IOException e) {
            return "error";
        }
    }

    /** Task ARNs of color's segments (the apps' own spans) since {@code begin}, once {@code wanted} are seen. */
    private static Set<String> awaitColorTasks(XRayClient xray, Instant begin, int wanted) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> tasks = new HashSet<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (tasks.size() < wanted && Instant.now().isBefore(deadline)) {
            List<String> ids = xray.getTraceSummaries(b -> b.startTime(begin).endTime(Instant.now().plusSeconds(5)))
                    .traceSummaries().stream().map(TraceSummary::id).toList();
            for (int from = 0; from < ids.size(); from += 5) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + 5));
                for (Trace trace : xray.batchGetTraces(b -> b.traceIds(batch)).traces()) {
                    for (Segment segment : trace.segments()) {
                        JsonNode document = json.readTree(segment.document());
                        String task = document.path("aws").path("ecs").path("task_arn").asText();
                        if (document.path("name").asText().equals("color") && !task.isEmpty()) {
                            tasks.add(task); // the app's own segments; front's view of color carries no task
                        }
                    }
                }
            }
            if (tasks.size() < wanted) {
                Thread.sleep(500);
            }
        }
        return tasks;
    }

    private String create(String chapter) throws IOException {
        String body = template(chapter);
        cfn.createStack(b -> b.stackName(STACK).templateBody(body)
                .capabilities(Capability.CAPABILITY_IAM).parameters(parameters()));
        cfn.waiter().waitUntilStackCreateComplete(b -> b.stackName(STACK));
        return cfn.describeStacks(b -> b.stackName(STACK)).stacks().get(0).outputs().stream()
                .filter(o -> o.outputKey().equals("FrontEndpoint")).map(Output::outputValue).findFirst().orElseThrow();
    }

    /** Updates the stack and waits until it has stopped changing; returns its final status. */
    private StackStatus update(String chapter, String... extra) throws IOException {
        List<Parameter> parameters = new ArrayList<>(parameters());
        for (int i = 0; i < extra.length; i += 2) {
            parameters.add(Parameter.builder().parameterKey(extra[i]).parameterValue(extra[i + 1]).build());
        }
        String body = template(chapter);
        cfn.updateStack(b -> b.stackName(STACK).templateBody(body).capabilities(Capability.CAPABILITY_IAM)
                .parameters(parameters));
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            StackStatus status = cfn.describeStacks(b -> b.stackName(STACK)).stacks().get(0).stackStatus();
            if (status == StackStatus.UPDATE_COMPLETE || status == StackStatus.UPDATE_ROLLBACK_COMPLETE
                    || status == StackStatus.UPDATE_ROLLBACK_FAILED) {
                return status;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("stack update to " + chapter + " did not end within 180 s");
    }

    private static List<Parameter> parameters() {
        return List.of(Parameter.builder().parameterKey("FrontAppImage").parameterValue("front:latest").build(),
                Parameter.builder().parameterKey("ColorAppImage").parameterValue("color:latest").build());
    }

    private String template(String chapter) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/stacks/" + chapter + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
