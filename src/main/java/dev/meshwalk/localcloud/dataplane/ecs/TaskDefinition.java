package dev.meshwalk.localcloud.dataplane.ecs;

/** A registered task definition revision: ARN {@code ...:task-definition/<family>:<revision>}. */
public record TaskDefinition(String arn, String family, int revision, TaskDefinitionSpec spec) {
}
