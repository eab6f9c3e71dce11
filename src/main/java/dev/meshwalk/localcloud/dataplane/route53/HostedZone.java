package dev.meshwalk.localcloud.dataplane.route53;

/** A created hosted zone: id like {@code Z0123456789ABCDEFGHIJ}, its DNS name and whether it is private. */
public record HostedZone(String id, String name, boolean privateZone) {
}
