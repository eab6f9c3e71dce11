package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.List;

/**
 * One service deployment as a local cloud keeps it across restarts ({@link EcsMemory}): the ids ECS gave it, what it
 * rolled out and from what, and where it ended. Times are ISO-8601 text (null when unset), so the record maps one to
 * one onto JSON. Task counts are not kept: tasks start afresh after a restart.
 */
public record SavedDeployment(String id, String arn, String revisionArn, String taskDefinitionArn,
                              DeploymentConfigSpec config, List<String> sourceTaskDefinitionArns, boolean internal,
                              String status, String stage, String statusReason, double targetTrafficPercent,
                              String createdAt, String updatedAt, String finishedAt, String phaseEndsAt,
                              String rollbackReason, String rollbackStartedAt, String rollbackRevisionArn,
                              List<String> triggeredAlarms, int failedTasks) {

    public SavedDeployment {
        sourceTaskDefinitionArns = sourceTaskDefinitionArns == null ? List.of() : List.copyOf(sourceTaskDefinitionArns);
        triggeredAlarms = triggeredAlarms == null ? List.of() : List.copyOf(triggeredAlarms);
    }
}
