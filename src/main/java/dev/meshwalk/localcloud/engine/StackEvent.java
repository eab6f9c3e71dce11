package dev.meshwalk.localcloud.engine;

import java.time.Instant;

/** One line of a stack's history, as DescribeStackEvents shows it. */
public record StackEvent(
        String eventId,
        String stackId,
        String stackName,
        String logicalResourceId,
        String physicalResourceId,
        String resourceType,
        Instant timestamp,
        String resourceStatus,
        String resourceStatusReason,
        String resourceProperties) {
}
