package dev.meshwalk.localcloud.dataplane.cloudmap;

import java.util.List;

/**
 * A Cloud Map service to create inside a namespace.
 *
 * @param namespaceId namespace that holds it
 * @param name        first DNS label, e.g. {@code color}
 * @param dnsRecords  record types published for each instance (A, SRV) with their template TTLs
 */
public record DiscoveryServiceSpec(String namespaceId, String name, List<DnsRecordSpec> dnsRecords) {

    public DiscoveryServiceSpec {
        dnsRecords = List.copyOf(dnsRecords);
    }

    /** One {@code DnsConfig.DnsRecords} entry: type {@code A} or {@code SRV} and TTL in template seconds. */
    public record DnsRecordSpec(String type, long ttlSeconds) {
    }
}
