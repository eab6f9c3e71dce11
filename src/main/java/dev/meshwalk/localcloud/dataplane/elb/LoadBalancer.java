package dev.meshwalk.localcloud.dataplane.elb;

import java.net.InetAddress;

/**
 * A created load balancer. It owns a loopback {@code address} of its own, so its listeners can bind the
 * template's ports (8080 for the internal ALB of chapter 0) and {@code dnsName} resolves to that address
 * through the local DNS server.
 */
public record LoadBalancer(String arn, String name, boolean internal, String dnsName, InetAddress address,
                           String canonicalHostedZoneId) {
}
