package dev.meshwalk.localcloud.provider;

import java.util.Map;

/**
 * One resource a provider holds: its identity, the resolved properties it was made from, and what
 * {@code Ref}/{@code Fn::GetAtt} return for it. This is what the data plane reads to realise it.
 */
public record ResourceRecord(
        String type,
        String stackName,
        String logicalId,
        String physicalId,
        Map<String, Object> properties,
        Map<String, Object> attributes) {
}
