package dev.meshwalk.localcloud.dataplane.elb;

/** An application load balancer to create; {@code internal} ones get an {@code internal-} DNS name as on AWS. */
public record LoadBalancerSpec(String name, boolean internal) {
}
