package dev.meshwalk.localcloud.dataplane.route53;

import java.util.List;

/**
 * One Route 53 record set: {@code name} may start with {@code *.} (a wildcard), {@code values} are in zone-file
 * presentation form ({@code 10.10.10.10} for A, a host name for CNAME, {@code "text"} for TXT).
 */
public record RecordSetSpec(String name, String type, long ttlSeconds, List<String> values) {

    public RecordSetSpec {
        values = List.copyOf(values);
    }
}
