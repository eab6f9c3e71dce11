package dev.meshwalk.localcloud.dataplane.cloudmap;

/** A created Cloud Map service: {@code id} like {@code srv-...}, ARN, spec and its namespace's DNS name. */
public record DiscoveryService(String id, String arn, DiscoveryServiceSpec spec, String namespaceName) {

    public String name() {
        return spec.name();
    }
}
