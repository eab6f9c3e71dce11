package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StackStatusesTest {

    @Test
    void cleanupInProgressIsNotTerminalDespiteContainingComplete() {
        assertThat(StackStatuses.isTerminal("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS")).isFalse();
        assertThat(StackStatuses.isTerminal("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS")).isFalse();
        assertThat(StackStatuses.isTerminal("UPDATE_COMPLETE")).isTrue();
        assertThat(StackStatuses.isTerminal("CREATE_FAILED")).isTrue();
    }

    @Test
    void phasesSeparateFailureRollbackAndDeletion() {
        assertThat(StackStatuses.phase("CREATE_FAILED")).isEqualTo(StackStatuses.Phase.FAILED);
        assertThat(StackStatuses.phase("UPDATE_ROLLBACK_IN_PROGRESS")).isEqualTo(StackStatuses.Phase.ROLLING_BACK);
        assertThat(StackStatuses.phase("ROLLBACK_COMPLETE")).isEqualTo(StackStatuses.Phase.ROLLED_BACK);
        assertThat(StackStatuses.phase("DELETE_COMPLETE")).isEqualTo(StackStatuses.Phase.DELETED);
        assertThat(StackStatuses.phase("CREATE_COMPLETE")).isEqualTo(StackStatuses.Phase.DONE);
        assertThat(StackStatuses.phase("CREATE_IN_PROGRESS")).isEqualTo(StackStatuses.Phase.IN_PROGRESS);
    }

    private static StackInfo stack(String status) {
        return new StackInfo("s", "id", status, Optional.empty(), Map.of(StackInfo.CHAPTER_TAG, "3-routing"), Map.of(),
                Optional.empty());
    }

    @Test
    void conditionsDecideWhatADeployMayDo() {
        assertThat(stack("REVIEW_IN_PROGRESS").condition()).isEqualTo(StackInfo.Condition.EMPTY);
        assertThat(stack("ROLLBACK_COMPLETE").condition()).isEqualTo(StackInfo.Condition.FAILED_CREATE);
        assertThat(stack("UPDATE_IN_PROGRESS").condition()).isEqualTo(StackInfo.Condition.BUSY);
        assertThat(stack("UPDATE_ROLLBACK_FAILED").condition()).isEqualTo(StackInfo.Condition.STUCK);
        assertThat(stack("UPDATE_ROLLBACK_COMPLETE").condition()).isEqualTo(StackInfo.Condition.READY);
        assertThat(stack("CREATE_COMPLETE").chapter()).contains("3-routing");
    }

    @Test
    void resourceTypesReadAsPlainWordsAndUnknownOnesStayHonest() {
        assertThat(ResourceTypes.describe("AWS::ECS::Service")).contains("copies of a task running");
        assertThat(ResourceTypes.describe("AWS::Foo::Bar")).isEqualTo("a Bar (Foo)");
        assertThat(ResourceTypes.shortName("AWS::ECS::Service")).isEqualTo("ECS::Service");
    }

    @Test
    void loadBalancerArnsBecomeTheirMetricDimension() {
        assertThat(Metrics.loadBalancerDimension(
                "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/front/0123abcd"))
                .isEqualTo("app/front/0123abcd");
        assertThat(Metrics.loadBalancerDimension("app/x/1")).isEqualTo("app/x/1");
    }
}
