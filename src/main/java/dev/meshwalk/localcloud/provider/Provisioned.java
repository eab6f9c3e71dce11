package dev.meshwalk.localcloud.provider;

import java.util.Map;

/**
 * What a provider made: the physical id {@code Ref} returns and the attributes {@code Fn::GetAtt} reads
 * (e.g. {@code DNSName}, {@code Arn}, {@code VirtualNodeName}).
 */
public record Provisioned(String physicalId, Map<String, Object> attributes) {

    public Provisioned {
        attributes = Map.copyOf(attributes);
    }
}
