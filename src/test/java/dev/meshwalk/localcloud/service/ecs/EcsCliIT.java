package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.testsupport.DeployedChapter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwalk.testsupport.AwsCli;
import dev.meshwalk.testsupport.AwsCli.Run;
import dev.meshwalk.testsupport.RunningLocalCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * Both AWS CLIs against chapter 1 on the local cloud: {@code aws ecs} (JSON 1.1 for both) reads the services and
 * tasks the template made, stops a task (stopping it again answers the stopped task unchanged, as ECS does) and gets
 * ECS's errors, and {@code aws cloudwatch} manages an alarm in the protocol each
 * CLI speaks to CloudWatch (pip's v1: JSON 1.0; Debian's v2 2.9.19: awsQuery). v2 2.9.19 predates the service
 * deployment operations, so only v1 lists them.
 */
@Tag("integration")
class EcsCliIT {

    private static final String CLUSTER = DeployedChapter.CLUSTER;

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void ecsReadsWhatTheTemplateMadeAndNamesEcsErrors(String which) throws Exception {
        AwsCli aws = AwsCli.installed(which, cloud.endpoint(), "us-east-1");
        DeployedChapter.deploy(cloud.client(CloudFormationClient.builder()), "1-servicediscovery", "cli");

        Run list = aws.run("ecs", "list-services", "--cluster", CLUSTER);
        assertThat(list.exit()).as(list.err()).isZero();
        List<String> arns = new ArrayList<>();
        list.json().get("serviceArns").forEach(a -> arns.add(a.asText()));
        assertThat(arns).hasSize(2);
        List<String> args = new ArrayList<>(List.of("ecs", "describe-services", "--cluster", CLUSTER, "--services"));
        args.addAll(arns);
        Run described = aws.run(args.toArray(String[]::new));
        assertThat(described.exit()).as(described.err()).isZero();
        for (JsonNode s : described.json().get("services")) {
            assertThat(s.get("desiredCount").asInt()).isEqualTo(3);
            assertThat(s.get("runningCount").asInt()).isEqualTo(3);
            assertThat(s.at("/deployments/0/status").asText()).isEqualTo("PRIMARY");
        }
        String color = arns.stream().filter(a -> a.contains("ColorService")).findFirst().orElseThrow();
        Run tasks = aws.run("ecs", "list-tasks", "--cluster", CLUSTER, "--service-name", color);
        assertThat(tasks.json().get("taskArns")).hasSize(3);
        Run task = aws.run("ecs", "describe-tasks", "--cluster", CLUSTER, "--tasks", tasks.json().at("/taskArns/0").asText());
        assertThat(task.json().at("/tasks/0/lastStatus").asText()).isEqualTo("RUNNING");
        assertThat(task.json().at("/tasks/0/attachments/0/details/1/value").asText()).startsWith("127.");
        Run definition = aws.run("ecs", "describe-task-definition", "--task-definition", CLUSTER + "-color");
        assertThat(definition.json().at("/taskDefinition/containerDefinitions/0/portMappings/0/containerPort").asInt())
                .isEqualTo(8080);
        if (which.equals("v1")) {
            Run deployments = aws.run("ecs", "list-service-deployments", "--cluster", CLUSTER, "--service", color);
            assertThat(deployments.exit()).as(deployments.err()).isZero();
            assertThat(deployments.json().at("/serviceDeployments/0/status").asText()).isEqualTo("SUCCESSFUL");
        }

        String victim = tasks.json().at("/taskArns/0").asText();
        Run stop = aws.run("ecs", "stop-task", "--cluster", CLUSTER, "--task", victim, "--reason", "break it");
        assertThat(stop.exit()).as(stop.err()).isZero();
        assertThat(stop.json().at("/task/desiredStatus").asText()).isEqualTo("STOPPED");
        JsonNode stopped = awaitStopped(aws, victim);
        assertThat(stopped.get("stoppedReason").asText()).isEqualTo("break it");
        assertThat(stopped.get("stopCode").asText()).isEqualTo("UserInitiated");
        assertThat(stopped.at("/containers").findValues("exitCode")).as("every container's exit code")
                .hasSize(stopped.get("containers").size());
        Run again = aws.run("ecs", "stop-task", "--cluster", CLUSTER, "--task", victim, "--reason", "again");
        assertThat(again.exit()).as("stopping a stopped task is no error: " + again.err()).isZero();
        assertThat(again.json().get("task")).as("the task, unchanged").isEqualTo(stopped);

        Run noCluster = aws.run("ecs", "list-services", "--cluster", "nope");
        Run noTask = aws.run("ecs", "stop-task", "--cluster", CLUSTER, "--task", "0123456789abcdef0123456789abcdef");
        assertThat(noCluster.exit()).isNotZero();
        assertThat(noCluster.err()).contains("An error occurred (ClusterNotFoundException) when calling the ListServices"
                + " operation: Cluster not found.");
        assertThat(noTask.err()).contains("(InvalidParameterException) when calling the StopTask operation:"
                + " The referenced task was not found.");
    }

    /** Polls {@code describe-tasks} until the task is STOPPED; returns it. */
    private static JsonNode awaitStopped(AwsCli aws, String task) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode t = aws.run("ecs", "describe-tasks", "--cluster", CLUSTER, "--tasks", task).json().at("/tasks/0");
            if (t.path("lastStatus").asText().equals("STOPPED")) {
                return t;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("task " + task + " did not stop within 60 s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void cloudWatchAlarmsRoundTripInEachCliProtocol(String which) throws Exception {
        AwsCli aws = AwsCli.installed(which, cloud.endpoint(), "us-east-1");

        Run put = aws.run("cloudwatch", "put-metric-alarm", "--alarm-name", "color-5xx", "--namespace", "AWS/ECS",
                "--metric-name", "HTTPCode_Target_5XX_Count", "--dimensions", "Name=ServiceName,Value=color",
                "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1", "--threshold", "1",
                "--comparison-operator", "GreaterThanOrEqualToThreshold", "--treat-missing-data", "ignore");
        Run set = aws.run("cloudwatch", "set-alarm-state", "--alarm-name", "color-5xx", "--state-value", "ALARM",
                "--state-reason", "testing");
        Run described = aws.run("cloudwatch", "describe-alarms", "--alarm-names", "color-5xx");
        Run history = aws.run("cloudwatch", "describe-alarm-history", "--alarm-name", "color-5xx",
                "--history-item-type", "StateUpdate");
        Run badPeriod = aws.run("cloudwatch", "put-metric-alarm", "--alarm-name", "x", "--namespace", "A",
                "--metric-name", "M", "--statistic", "Sum", "--period", "45", "--evaluation-periods", "1",
                "--threshold", "1", "--comparison-operator", "GreaterThanThreshold");
        Run deleted = aws.run("cloudwatch", "delete-alarms", "--alarm-names", "color-5xx");
        Run missing = aws.run("cloudwatch", "delete-alarms", "--alarm-names", "color-5xx");

        assertThat(put.exit()).as(put.err()).isZero();
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(described.exit()).as(described.err()).isZero();
        JsonNode alarm = described.json().at("/MetricAlarms/0");
        assertThat(alarm.get("Period").asInt()).isEqualTo(60);
        assertThat(alarm.get("Threshold").asDouble()).isEqualTo(1.0);
        assertThat(alarm.at("/Dimensions/0/Value").asText()).isEqualTo("color");
        assertThat(alarm.get("AlarmArn").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:color-5xx");
        assertThat(history.json().at("/AlarmHistoryItems/0/HistorySummary").asText())
                .isEqualTo("Alarm updated from INSUFFICIENT_DATA to ALARM");
        assertThat(badPeriod.err()).contains("(InvalidParameterValue)").contains("Period");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        assertThat(missing.err()).contains("(ResourceNotFound) when calling the DeleteAlarms operation");
    }
}
