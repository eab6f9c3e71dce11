package dev.meshwalk.localcloud.dataplane.route53;

import java.util.List;

/**
 * One Route 53 record set: {@code name} may start with {@code *.} (a wildcard), {@code values} are in zone-file
 * presentation form ({@code 10.10.10.10} for A, a host name for CNAME, {@code "text"} for TXT). An alias record set
 * has no values but an {@code aliasTarget}: it answers with the records of the name it points at.
 */
public record RecordSetSpec(String name, String type, long ttlSeconds, List<String> values, AliasTarget aliasTarget) {

    /**
     * Where an alias record points: a load balancer's DNS name and canonical hosted zone, or another record's name.
     * As on Route 53 the answer carries the target's records and TTL, not a CNAME.
     */
    public record AliasTarget(String dnsName, String hostedZoneId) {
    }

    public RecordSetSpec {
        values = List.copyOf(values);
    }

    /** A plain record set with values. */
    public RecordSetSpec(String name, String type, long ttlSeconds, List<String> values) {
        this(name, type, ttlSeconds, values, null);
    }

    /** An alias record set (no values, no TTL of its own). */
    public static RecordSetSpec alias(String name, String type, AliasTarget target) {
        return new RecordSetSpec(name, type, 0, List.of(), target);
    }
}
