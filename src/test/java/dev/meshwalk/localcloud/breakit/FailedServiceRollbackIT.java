package dev.meshwalk.localcloud.breakit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.testsupport.RunningLocalCloud;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Rollback hygiene: a stack whose ECS service cannot start (its image is one the local cloud does not know) rolls
 * back to ROLLBACK_COMPLETE, not ROLLBACK_FAILED: the failed service leaves the data plane, so the cluster it was
 * in can be deleted, and the same stack name deploys cleanly afterwards.
 */
@Tag("integration")
class FailedServiceRollbackIT {

    @RegisterExtension
    final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();

    @Test
    void aServiceThatFailsToCreateRollsBackCompletelyAndLeavesNoServiceOrCluster() throws Exception {
        CloudFormationClient cfn = cloud.client(CloudFormationClient.builder());
        EcsClient ecs = cloud.client(EcsClient.builder());
        String template;
        try (InputStream in = getClass().getResourceAsStream("/stacks/0-prelude.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        cfn.createStack(b -> b.stackName("broken").templateBody(template).capabilities(Capability.CAPABILITY_IAM)
                .parameters(Parameter.builder().parameterKey("FrontAppImage").parameterValue("front:latest").build(),
                        Parameter.builder().parameterKey("ColorAppImage")
                                .parameterValue("registry.example/no-such-app:1").build()));

        StackStatus status = awaitFinal(cfn, "broken");
        assertThat(status).isEqualTo(StackStatus.ROLLBACK_COMPLETE);
        assertThat(cfn.describeStackEvents(b -> b.stackName("broken")).stackEvents())
                .as("the service's failure is what the stack reports")
                .anySatisfy(e -> assertThat(e.resourceStatusReason()).contains("no-such-app"));
        assertThat(ecs.listClusters().clusterArns()).as("the cluster was deleted on rollback").isEmpty();
    }

    private static StackStatus awaitFinal(CloudFormationClient cfn, String stack) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            StackStatus status = cfn.describeStacks(b -> b.stackName(stack)).stacks().get(0).stackStatus();
            if (!status.toString().endsWith("IN_PROGRESS")) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the stack " + stack + " did not finish within 120 s");
    }
}
