package dev.meshwalk.localcloud.service.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.testsupport.GatedProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Operations run on the engine's threads: watchers see them unfold, and one stack runs one at a time. */
class StackOperationTimingTest {

    private final GatedProvider gated = new GatedProvider();
    private final CfnCalls cfn = new CfnCalls(ProviderRegistry.standard().register(gated),
            EngineSettings.defaults().withSyncWait(Duration.ofMillis(200)));

    @AfterEach
    void close() {
        gated.gate.countDown();
        cfn.close();
    }

    private static final String THREE_INDEPENDENT = "Resources:\n  A:\n    Type: Test::Gated::Thing\n"
            + "  B:\n    Type: Test::Gated::Thing\n  C:\n    Type: Test::Gated::Thing\n"
            + "  D:\n    Type: Test::Gated::Thing\n    Properties: {After: !GetAtt A.Name}\n";

    @Test
    void aWatcherSeesTheCreateUnfoldAndIndependentResourcesRunInParallel() throws Exception {
        cfn.call("CreateStack", "StackName", "slow", "TemplateBody", THREE_INDEPENDENT);
        assertThat(cfn.status("slow")).isEqualTo("CREATE_IN_PROGRESS");
        waitFor(() -> gated.concurrent.get() == 3);
        assertThat(cfn.events("slow")).filteredOn(e -> "CREATE_IN_PROGRESS".equals(e.get("ResourceStatus"))
                && !"slow".equals(e.get("LogicalResourceId"))).hasSize(3);
        assertThat(gated.threads.values()).allMatch(n -> n.startsWith("localcloud-cfn-"));

        assertThatThrownBy(() -> cfn.call("UpdateStack", "StackName", "slow", "TemplateBody", THREE_INDEPENDENT + "  E:\n    Type: Test::Gated::Thing\n"))
                .hasMessageMatching("Stack:arn:aws:cloudformation:us-east-1:000000000000:stack/slow/.* is in CREATE_IN_PROGRESS state and can not be updated.");

        gated.gate.countDown();
        waitFor(() -> cfn.status("slow").equals("CREATE_COMPLETE"));
        assertThat(gated.maxConcurrent.get()).isEqualTo(3);
        assertThat(cfn.outputs("slow")).isEmpty();
    }

    @Test
    void cancelUpdateRollsBackToUpdateRollbackComplete() throws Exception {
        gated.gate.countDown();
        cfn.call("CreateStack", "StackName", "c", "TemplateBody", "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n");
        waitFor(() -> cfn.status("c").equals("CREATE_COMPLETE"));
        GatedProvider second = new GatedProvider();
        cfn.providers.register(second);
        cfn.call("UpdateStack", "StackName", "c", "TemplateBody", "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n"
                + "  W:\n    Type: Test::Gated::Thing\n  X:\n    Type: Test::Gated::Thing\n    DependsOn: W\n");
        assertThat(cfn.status("c")).isEqualTo("UPDATE_IN_PROGRESS");
        cfn.call("CancelUpdateStack", "StackName", "c");
        second.gate.countDown();
        waitFor(() -> cfn.status("c").equals("UPDATE_ROLLBACK_COMPLETE"));
        assertThat(cfn.call("ListStackResources", "StackName", "c").toString()).doesNotContain("LogicalResourceId=W", "LogicalResourceId=X");
        assertThat(cfn.events("c")).anySatisfy(e -> assertThat(e.get("ResourceStatusReason")).isEqualTo("Resource update cancelled"));
        assertThatThrownBy(() -> cfn.call("CancelUpdateStack", "StackName", "c"))
                .hasMessage("CancelUpdateStack cannot be called from current stack status");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(20);
        }
    }
}
