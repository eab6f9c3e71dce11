package dev.meshwalk.localcloud.dataplane.cloudmap;

/**
 * A Cloud Map namespace to create.
 *
 * @param name DNS name, e.g. {@code howto-ecs-basics.pvtdns}
 * @param type whether its services are published in DNS
 */
public record NamespaceSpec(String name, NamespaceType type) {

    public enum NamespaceType { PRIVATE_DNS, PUBLIC_DNS, HTTP }
}
