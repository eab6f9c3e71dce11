package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.List;
import java.util.Set;

/**
 * ELBv2 with the ids AWS gives: ARNs with a 16-hex suffix, {@code DNSName}
 * {@code <name>-<digits>.<region>.elb.amazonaws.com} ({@code internal-} prefixed for internal schemes),
 * {@code LoadBalancerFullName} {@code app/<name>/<hex>}, {@code TargetGroupFullName}.
 */
public final class Elbv2Provider extends FamilyProvider {

    private static final String ALB_ZONE = "Z35SXDOTRQ7X7K";

    public Elbv2Provider(Elbv2Resources store) {
        super(store);
        kind(Elbv2Resources.LOAD_BALANCER, List.of("Subnets|SubnetMappings"), (r, cur) -> {
            String name = keepOr(cur, "LoadBalancerName", textOr(r, "Name", AwsIds.generatedName(r.stackName(), r.logicalId(), 32)));
            requireUniqueName(store, Elbv2Resources.LOAD_BALANCER, "LoadBalancerName", name, cur, "load balancer");
            String kindPrefix = "network".equals(text(r, "Type")) ? "net" : "gateway".equals(text(r, "Type")) ? "gwy" : "app";
            String fullName = keepOr(cur, "LoadBalancerFullName", kindPrefix + "/" + name + "/" + AwsIds.hex(16));
            String arn = arn(r, "elasticloadbalancing", "loadbalancer/" + fullName);
            boolean internal = "internal".equals(text(r, "Scheme"));
            String dns = keepOr(cur, "DNSName", store.dnsNameFor(name, internal, (internal ? "internal-" : "") + name + "-"
                    + AwsIds.digits(10).replaceFirst("^0", "1") + "." + r.region() + ".elb.amazonaws.com"));
            return new Provisioned(arn, attrs("LoadBalancerArn", arn, "DNSName", dns, "CanonicalHostedZoneID", ALB_ZONE,
                    "LoadBalancerFullName", fullName, "LoadBalancerName", name,
                    "SecurityGroups", r.properties().getOrDefault("SecurityGroups", List.of())));
        });
        kind(Elbv2Resources.TARGET_GROUP, List.of(),
                (r, cur) -> {
                    String type = textOr(r, "TargetType", "instance");
                    if (!type.equals("lambda") && (text(r, "Port") == null || text(r, "Protocol") == null || text(r, "VpcId") == null)) {
                        throw new ProvisionException("Properties validation failed for resource " + r.logicalId()
                                + " with message: A port, protocol and VPC ID must be specified for target type '" + type + "'");
                    }
                    String name = keepOr(cur, "TargetGroupName", textOr(r, "Name", AwsIds.generatedName(r.stackName(), r.logicalId(), 32)));
                    requireUniqueName(store, Elbv2Resources.TARGET_GROUP, "TargetGroupName", name, cur, "target group");
                    String fullName = keepOr(cur, "TargetGroupFullName", "targetgroup/" + name + "/" + AwsIds.hex(16));
                    String arn = arn(r, "elasticloadbalancing", fullName);
                    List<Object> lbs = store.ofType(Elbv2Resources.LISTENER).stream()
                            .filter(l -> String.valueOf(l.properties().get("DefaultActions")).contains(arn))
                            .map(l -> l.properties().get("LoadBalancerArn")).distinct().toList();
                    return new Provisioned(arn, attrs("TargetGroupArn", arn, "TargetGroupFullName", fullName,
                            "TargetGroupName", name, "LoadBalancerArns", lbs));
                });
        kind(Elbv2Resources.LISTENER, List.of(), (r, cur) -> {
            String lbArn = text(r, "LoadBalancerArn");
            ResourceRecord lb = store.get(lbArn).orElseThrow(() -> new ProvisionException(
                    "LoadBalancer '" + lbArn + "' not found (Service: ElasticLoadBalancingV2; Status Code: 400; Error Code: LoadBalancerNotFound)"));
            String arn = cur != null ? cur.physicalId() : arn(r, "elasticloadbalancing",
                    "listener/" + lb.attributes().get("LoadBalancerFullName") + "/" + AwsIds.hex(16));
            return new Provisioned(arn, attrs("ListenerArn", arn));
        });
        kind(Elbv2Resources.LISTENER_RULE, List.of("ListenerArn"),
                (r, cur) -> {
                    String listenerArn = text(r, "ListenerArn");
                    if (store.get(listenerArn).isEmpty()) {
                        throw new ProvisionException("Listener '" + listenerArn
                                + "' not found (Service: ElasticLoadBalancingV2; Status Code: 400; Error Code: ListenerNotFound)");
                    }
                    String arn = cur != null ? cur.physicalId()
                            : listenerArn.replace(":listener/", ":listener-rule/") + "/" + AwsIds.hex(16);
                    return new Provisioned(arn, attrs("RuleArn", arn, "IsDefault", "false"));
                });
    }

    /** ELBv2 names are unique per region; a second one with the same name is refused as AWS does. */
    private static void requireUniqueName(Elbv2Resources store, String type, String attribute, String name,
                                          Provisioned current, String what) {
        if (current == null && store.ofType(type).stream().anyMatch(r -> name.equals(r.attributes().get(attribute)))) {
            throw new ProvisionException("A " + what + " with the same name '" + name
                    + "' exists, but with different settings (Service: ElasticLoadBalancingV2; Status Code: 400; Error Code: Duplicate"
                    + (what.equals("load balancer") ? "LoadBalancerName" : "TargetGroupName") + ")");
        }
    }
}
