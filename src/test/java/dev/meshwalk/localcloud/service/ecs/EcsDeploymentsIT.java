package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.testsupport.DeployedChapter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.testsupport.RunningLocalCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;

/**
 * Chapter 4 updated to chapter 5 on the local cloud, watched and driven through the SDK as a learner would with
 * {@code aws ecs}: the canary's deployment objects (ListServiceDeployments, DescribeServiceDeployments, the
 * PRIMARY/ACTIVE deployments of DescribeServices with their Service Connect configuration), the stack's alarm as
 * CloudWatch lists it, and StopServiceDeployment rolling the canary back, which fails the stack update.
 */
@Tag("integration")
class EcsDeploymentsIT {

    private static final String CLUSTER = DeployedChapter.CLUSTER;
    private static final String COLOR = CLUSTER + "-color";
    private static final String STACK = "canary";

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
    private CloudFormationClient cfn;
    private EcsClient ecs;

    @BeforeEach
    void deployChapterFour() throws Exception {
        // ExecuteChangeSet answers when the update ends or after the engine's 60 s, longer than the SDK's default
        // 30 s read timeout, and this update waits for a canary's bake time
        cfn = cloud.client(CloudFormationClient.builder().httpClientBuilder(Apache5HttpClient.builder()
                .socketTimeout(Duration.ofSeconds(90))));
        ecs = cloud.client(EcsClient.builder());
        DeployedChapter.deploy(cfn, "4-serviceconnect", STACK);
    }

    @Test
    void aCanaryIsVisibleAsDeploymentObjectsAndStopServiceDeploymentRollsItBack() throws Exception {
        ServiceDeploymentBrief first = ecs.listServiceDeployments(b -> b.cluster(CLUSTER).service(COLOR))
                .serviceDeployments().get(0);
        assertThat(first.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
        assertThatThrownBy(() -> ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(first.serviceDeploymentArn())))
                .as("a finished deployment cannot be stopped").isInstanceOf(ConflictException.class);

        CompletableFuture<Void> update = CompletableFuture.runAsync(() -> DeployedChapter.startUpdate(cfn, "5-canary", STACK));
        ServiceDeployment canary = await("the canary shifts traffic to blue", () -> {
            List<ServiceDeploymentBrief> briefs = ecs.listServiceDeployments(b -> b.cluster(CLUSTER).service(COLOR)
                    .status(ServiceDeploymentStatus.IN_PROGRESS)).serviceDeployments();
            if (briefs.isEmpty()) {
                return Optional.empty();
            }
            ServiceDeployment d = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(
                    briefs.get(0).serviceDeploymentArn())).serviceDeployments().get(0);
            return d.targetServiceRevision().requestedProductionTrafficWeight() != null
                    && d.targetServiceRevision().requestedProductionTrafficWeight() > 0 ? Optional.of(d) : Optional.empty();
        });
        assertThat(canary.deploymentConfiguration().strategyAsString()).isEqualTo("CANARY");
        assertThat(canary.deploymentConfiguration().canaryConfiguration().canaryPercent()).isEqualTo(50.0);
        assertThat(canary.targetServiceRevision().requestedProductionTrafficWeight()).isEqualTo(50.0);
        assertThat(canary.sourceServiceRevisions()).singleElement()
                .satisfies(r -> assertThat(r.requestedProductionTrafficWeight()).isEqualTo(50.0));
        assertThat(canary.alarms().alarmNames()).containsExactly(CLUSTER + "-color-5xx");
        List<Deployment> deployments = ecs.describeServices(b -> b.cluster(CLUSTER).services(COLOR)).services().get(0)
                .deployments();
        assertThat(deployments).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
        assertThat(deployments.get(0).serviceConnectConfiguration().enabled()).isTrue();
        CloudWatchClient cloudWatch = cloud.client(CloudWatchClient.builder());
        // A new alarm starts INSUFFICIENT_DATA until the evaluator's first pass (twice a second; later on a busy
        // machine); with TreatMissingData notBreaching and no 5xx it must then settle OK, never ALARM.
        MetricAlarm alarm = await("the canary's alarm is evaluated", () -> {
            MetricAlarm a = cloudWatch.describeAlarms(b -> b.alarmNames(CLUSTER + "-color-5xx")).metricAlarms().get(0);
            return "INSUFFICIENT_DATA".equals(a.stateValueAsString()) ? Optional.empty() : Optional.of(a);
        });
        assertThat(alarm.period()).isEqualTo(60);
        assertThat(alarm.stateValueAsString()).isEqualTo("OK");

        ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(canary.serviceDeploymentArn()));

        ServiceDeployment rolledBack = await("the canary rolls back", () -> {
            ServiceDeployment d = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(
                    canary.serviceDeploymentArn())).serviceDeployments().get(0);
            return d.status() == ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL ? Optional.of(d) : Optional.empty();
        });
        assertThat(rolledBack.rollback().reason()).contains("StopServiceDeployment");
        StackStatus status = await("the stack update ends", () -> {
            StackStatus s = cfn.describeStacks(b -> b.stackName(STACK)).stacks().get(0).stackStatus();
            return s.toString().endsWith("_COMPLETE") || s.toString().endsWith("_FAILED") ? Optional.of(s) : Optional.empty();
        });
        assertThat(status).isEqualTo(StackStatus.UPDATE_ROLLBACK_COMPLETE);
        update.get(90, TimeUnit.SECONDS);
        assertThatThrownBy(() -> ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(
                canary.serviceDeploymentArn().replaceAll("/[^/]+$", "/nope"))))
                .isInstanceOf(ServiceDeploymentNotFoundException.class);
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
