package dev.meshwalk.localcloud.service.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.testsupport.AwsCli;
import dev.meshwalk.testsupport.AwsCli.Run;
import dev.meshwalk.testsupport.DeployedChapter;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * CloudWatch Logs on chapter 2 deployed on the local cloud: the template's log group, one stream per app container
 * named {@code <awslogs-stream-prefix>/app/<task-id>}, and in each the line the app prints when it starts, found by
 * {@code FilterLogEvents} per task; a task ECS starts after a {@code StopTask} shows up in a filter that starts at
 * the stop, as {@code aws logs tail --follow} polls it.
 */
@Tag("integration")
class LogsApiIT {

    private static final String CLUSTER = DeployedChapter.CLUSTER;
    private static final String GROUP = "howto-ecs-basics-log-group";
    /** awslogs-stream-prefix of each service's app container in stacks/2-meshify.yaml. */
    private static final Map<String, String> PREFIX = Map.of("Color", "color", "Front", "front");

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();

    @Test
    void everyTasksStartUpLineIsInItsStreamAndNewTasksFollowLive() throws Exception {
        DeployedChapter.deploy(cloud.client(CloudFormationClient.builder()), "2-meshify", "logs");
        CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder());
        EcsClient ecs = cloud.client(EcsClient.builder());

        LogGroup group = logs.describeLogGroups(b -> b.logGroupNamePrefix("howto")).logGroups().get(0);
        assertThat(group.logGroupName()).isEqualTo(GROUP);
        assertThat(group.retentionInDays()).isEqualTo(7);
        int tasks = 0;
        // each running task (a task replaced meanwhile on a loaded machine has its own stream too)
        for (String service : ecs.listServices(b -> b.cluster(CLUSTER)).serviceArns()) {
            String prefix = PREFIX.entrySet().stream().filter(e -> service.contains(e.getKey() + "Service"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            for (String task : ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(service)).taskArns()) {
                String id = task.substring(task.lastIndexOf('/') + 1);
                List<FilteredLogEvent> found = logs.filterLogEvents(b -> b.logGroupName(GROUP)
                        .filterPattern("\"as ECS task " + id + "\"")).events();
                assertThat(found).as("start-up line of task %s", id).singleElement().satisfies(e -> {
                    assertThat(e.logStreamName()).isEqualTo(prefix + "/app/" + id);
                    assertThat(e.message()).startsWith(prefix.equals("color") ? "color answering green on port"
                            : "front listening on port");
                });
                tasks++;
            }
        }
        assertThat(tasks).isEqualTo(6);

        String colorService = ecs.listServices(b -> b.cluster(CLUSTER)).serviceArns().stream()
                .filter(s -> s.contains("ColorService")).findFirst().orElseThrow();
        String stopped = ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(colorService)).taskArns().get(0);
        long since = Instant.now().toEpochMilli();
        ecs.stopTask(b -> b.cluster(CLUSTER).task(stopped));
        List<FilteredLogEvent> fresh = List.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (fresh.isEmpty() && Instant.now().isBefore(deadline)) {
            fresh = logs.filterLogEvents(b -> b.logGroupName(GROUP).startTime(since).logStreamNamePrefix("color/")
                    .filterPattern("answering green")).events();
        }
        assertThat(fresh).as("the replacement task's start-up line").isNotEmpty();
        FilteredLogEvent started = fresh.get(0);
        String replacement = started.logStreamName().substring("color/app/".length());
        assertThat(replacement).isNotEqualTo(stopped.substring(stopped.lastIndexOf('/') + 1));
        assertThat(started.timestamp()).isGreaterThanOrEqualTo(since);

        List<OutputLogEvent> fromHead = logs.getLogEvents(b -> b.logGroupName(GROUP)
                .logStreamName(started.logStreamName()).startFromHead(true)).events();
        assertThat(fromHead.get(0).message()).isEqualTo(started.message());
        assertThat(logs.describeLogStreams(b -> b.logGroupName(GROUP).logStreamNamePrefix("color/app/")).logStreams())
                .extracting(s -> s.logStreamName())
                .contains("color/app/" + replacement, "color/app/" + stopped.substring(stopped.lastIndexOf('/') + 1));
        assertThatThrownBy(() -> logs.getLogEvents(b -> b.logGroupName("nope").logStreamName("x")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("log group does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void clisFilterAndTailTheGroup(String which) throws Exception {
        AwsCli aws = AwsCli.installed(which, cloud.endpoint(), "us-east-1");
        DeployedChapter.deploy(cloud.client(CloudFormationClient.builder()), "2-meshify", "logs");

        Run groups = aws.run("logs", "describe-log-groups");
        assertThat(groups.exit()).as(groups.err()).isZero();
        assertThat(groups.json().at("/logGroups/0/logGroupName").asText()).isEqualTo(GROUP);
        Run filtered = aws.run("logs", "filter-log-events", "--log-group-name", GROUP, "--filter-pattern",
                "\"answering green\"");
        assertThat(filtered.exit()).as(filtered.err()).isZero();
        List<String> colorTasks = taskIds("ColorService");
        List<String> greenStreams = new java.util.ArrayList<>();
        filtered.json().get("events").forEach(e -> greenStreams.add(e.get("logStreamName").asText()));
        assertThat(greenStreams).containsAll(colorTasks.stream().map(id -> "color/app/" + id).toList());
        Run streams = aws.run("logs", "describe-log-streams", "--log-group-name", GROUP, "--log-stream-name-prefix",
                "front/app/");
        List<String> frontStreams = new java.util.ArrayList<>();
        streams.json().get("logStreams").forEach(s -> frontStreams.add(s.get("logStreamName").asText()));
        assertThat(frontStreams).containsAll(taskIds("FrontService").stream().map(id -> "front/app/" + id).toList());
        if (which.equals("v2")) {
            Run tail = aws.run("logs", "tail", GROUP, "--since", "1h", "--format", "short");
            assertThat(tail.exit()).as(tail.err()).isZero();
            for (String id : colorTasks) {
                assertThat(tail.out()).contains("color answering green on port").contains("as ECS task " + id);
            }
        }
        Run missing = aws.run("logs", "describe-log-streams", "--log-group-name", "nope");
        assertThat(missing.err()).contains("An error occurred (ResourceNotFoundException) when calling the"
                + " DescribeLogStreams operation: The specified log group does not exist.");
    }

    private List<String> taskIds(String serviceKind) {
        EcsClient ecs = cloud.client(EcsClient.builder());
        String service = ecs.listServices(b -> b.cluster(CLUSTER)).serviceArns().stream()
                .filter(s -> s.contains(serviceKind)).findFirst().orElseThrow();
        return ecs.listTasks(b -> b.cluster(CLUSTER).serviceName(service)).taskArns().stream()
                .map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).toList();
    }
}
