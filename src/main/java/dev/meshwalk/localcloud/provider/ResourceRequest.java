package dev.meshwalk.localcloud.provider;

import java.util.Map;

/**
 * One resource as the engine hands it to a provider: identity within its stack, and its properties with
 * every intrinsic function already resolved (plain maps, lists, strings, numbers, booleans).
 */
public record ResourceRequest(
        String stackName,
        String stackId,
        String logicalId,
        String resourceType,
        Map<String, Object> properties,
        String region,
        String accountId) {
}
