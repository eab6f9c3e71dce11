package dev.meshwalk.localcloud.dataplane.ecs;

import java.time.Instant;
import java.util.List;

/**
 * One ECS service deployment as {@code ListServiceDeployments} / {@code DescribeServiceDeployments} show it: an
 * immutable snapshot taken from the service's live state. Its phases are visible while it runs: the lifecycle
 * stage, the share of traffic the target revision gets, and when the current bake time ends.
 *
 * @param arn                   {@code arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<id>}
 * @param deploymentId          the id {@code DescribeServices} lists it under ({@code ecs-svc/<digits>})
 * @param lifecycleStage        ECS's stage names: {@code RECONCILE_SERVICE}, {@code SCALE_UP},
 *                              {@code PRODUCTION_TRAFFIC_SHIFT}, {@code BAKE_TIME}, {@code CLEAN_UP}, ...
 * @param sourceRevisions       the revisions it replaces (empty for a service's first deployment)
 * @param targetTrafficPercent  the share of traffic the target revision receives now (0-100)
 * @param phaseEndsAt           when the current bake time ends (null outside a bake phase)
 * @param rollback              set once the deployment rolls back
 */
public record ServiceDeployment(String arn, String deploymentId, String serviceArn, String clusterArn,
                                Status status, String statusReason, String lifecycleStage,
                                DeploymentConfigSpec configuration, List<Revision> sourceRevisions,
                                Revision targetRevision, double targetTrafficPercent, Instant createdAt,
                                Instant startedAt, Instant updatedAt, Instant finishedAt, Instant stoppedAt,
                                Instant phaseEndsAt, Rollback rollback, Alarms alarms,
                                CircuitBreaker circuitBreaker) {

    public ServiceDeployment {
        sourceRevisions = List.copyOf(sourceRevisions);
    }

    /** ECS's service deployment states. */
    public enum Status {
        PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED, STOP_REQUESTED, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS,
        ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED;

        /** True once nothing more will happen to the deployment. */
        public boolean isFinal() {
            return this == SUCCESSFUL || this == STOPPED || this == ROLLBACK_SUCCESSFUL || this == ROLLBACK_FAILED;
        }
    }

    /** A service revision and its task counts ({@code ServiceRevisionSummary}). */
    public record Revision(String serviceRevisionArn, String taskDefinitionArn, int requestedTaskCount,
                           int runningTaskCount, int pendingTaskCount) {
    }

    /** {@code ServiceDeploymentRollbackMonitorsStatus}-style rollback info. */
    public record Rollback(String reason, Instant startedAt, String serviceRevisionArn) {
    }

    /**
     * @param status {@code DISABLED}, {@code MONITORING}, {@code TRIGGERED} or {@code MONITORING_COMPLETE}
     */
    public record Alarms(String status, List<String> alarmNames, List<String> triggeredAlarmNames) {
        public Alarms {
            alarmNames = List.copyOf(alarmNames);
            triggeredAlarmNames = List.copyOf(triggeredAlarmNames);
        }
    }

    /**
     * @param status {@code DISABLED}, {@code MONITORING}, {@code TRIGGERED} or {@code MONITORING_COMPLETE}
     */
    public record CircuitBreaker(String status, int failureCount, int threshold) {
    }
}
