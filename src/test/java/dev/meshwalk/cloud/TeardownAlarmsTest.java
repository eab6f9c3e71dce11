package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.service.cloudformation.CloudFormationService;
import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;

/** Teardown's check looks for exactly the alarms the chapters' templates create, by the names they give them. */
class TeardownAlarmsTest {

    @Test
    void everyAlarmNameInTheTemplatesIsOneTheLeftoverCheckLooksFor() throws IOException {
        Pattern alarmName = Pattern.compile("AlarmName:\\s*!Sub\\s*'\\$\\{ProjectName\\}([^']*)'");
        List<String> suffixes = new ArrayList<>();
        try (Stream<Path> stacks = Files.list(Path.of("stacks"))) {
            for (Path p : stacks.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String template = Files.readString(p);
                Matcher m = alarmName.matcher(template);
                int named = 0;
                while (m.find()) {
                    suffixes.add(m.group(1));
                    named++;
                }
                int alarms = template.split("Type: AWS::CloudWatch::Alarm", -1).length - 1;
                assertThat(named).as(p + ": every alarm is named ${ProjectName}<suffix>").isEqualTo(alarms);
            }
        }
        assertThat(suffixes).isNotEmpty();
        assertThat(Teardown.STACK_ALARM_SUFFIXES).containsAll(suffixes);
        assertThat(Teardown.alarmNames("demo")).contains("demo-color-5xx");
    }

    @Test
    void withTheStackGoneTheCheckReportsThisProjectsAlarmAndNoOtherProjects() {
        CloudFormationService cfnService = new CloudFormationService(new CloudFormationEngine(ProviderRegistry.standard(),
                EngineSettings.defaults()));
        try (LocalCloud cloud = LocalCloud.builder().service(cfnService, new CloudWatchService(new MetricStore()))
                        .onClose(cfnService).build().start();
                CloudSession session = CloudSession.local(CloudTarget.local(cloud.endpoint()));
                CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(cloud.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test", "test"))).build()) {
            for (String name : List.of("t-color-5xx", "other-color-5xx")) {
                cloudWatch.putMetricAlarm(b -> b.alarmName(name).namespace("AWS/ECS")
                        .metricName("HTTPCode_Target_5XX_Count").statistic(Statistic.SUM).period(60)
                        .evaluationPeriods(1).threshold(1.0)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
            }
            Teardown teardown = new Teardown(session, DeployRequest.stackNameFor("t"));
            assertThat(teardown.leftovers()).extracting(OwnedResource::kind, OwnedResource::name)
                    .containsExactly(tuple(OwnedResource.Kind.STACK_ALARM, "t-color-5xx"));
            cloudWatch.deleteAlarms(b -> b.alarmNames("t-color-5xx"));
            assertThat(teardown.leftovers()).isEmpty();
        }
    }
}
