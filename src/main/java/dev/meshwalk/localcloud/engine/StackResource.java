package dev.meshwalk.localcloud.engine;

import java.time.Instant;
import java.util.Map;

/**
 * One resource of a stack as it stands: what the provider made ({@code physicalId}, {@code attributes}), the
 * resolved properties it was made from (the base of the next diff), and its last status.
 */
public record StackResource(
        String logicalId,
        String type,
        String physicalId,
        Map<String, Object> attributes,
        Map<String, Object> properties,
        ResourceStatus status,
        String statusReason,
        Instant lastUpdated) {

    StackResource withStatus(ResourceStatus newStatus, String reason) {
        return new StackResource(logicalId, type, physicalId, attributes, properties, newStatus, reason, Instant.now());
    }
}
