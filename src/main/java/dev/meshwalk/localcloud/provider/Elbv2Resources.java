package dev.meshwalk.localcloud.provider;

import java.util.List;

/**
 * Load balancers, target groups, listeners and listener rules. The data plane listens here to open a local
 * HTTP listener per ELBv2 listener and route by its rules to the targets ECS services register.
 */
public final class Elbv2Resources extends ResourceStore {

    public static final String LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    public static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";
    public static final String LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
    public static final String LISTENER_RULE = "AWS::ElasticLoadBalancingV2::ListenerRule";

    /** Chooses a new load balancer's {@code DNSName}; the data plane installs one that names a real local address. */
    @FunctionalInterface
    public interface DnsNamer {
        String dnsName(String loadBalancerName, boolean internal, String awsStyleName);
    }

    private volatile DnsNamer dnsNamer = (name, internal, awsStyleName) -> awsStyleName;

    /** Replaces how new load balancers are named (see {@code DataPlaneBridge}). */
    public void useDnsNamer(DnsNamer namer) {
        this.dnsNamer = namer;
    }

    String dnsNameFor(String loadBalancerName, boolean internal, String awsStyleName) {
        return dnsNamer.dnsName(loadBalancerName, internal, awsStyleName);
    }

    /** The rules of one listener. */
    public List<ResourceRecord> rulesOf(String listenerArn) {
        return ofType(LISTENER_RULE).stream().filter(r -> listenerArn.equals(r.properties().get("ListenerArn"))).toList();
    }
}
