package dev.meshwalk.localcloud.service.elbv2;

import dev.meshwalk.localcloud.dataplane.elb.HealthCheckSpec;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.service.Params;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ELBv2's output shapes (member names as in the 2015-12-01 model) for load balancers, listeners, rules and groups. */
final class Elbv2Views {

    private Elbv2Views() {
    }

    static Map<String, Object> loadBalancer(LoadBalancer lb, Elbv2Lookup lookup) {
        Params p = lookup.properties(lb.arn());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("LoadBalancerArn", lb.arn());
        out.put("DNSName", lb.dnsName());
        out.put("CanonicalHostedZoneId", lb.canonicalHostedZoneId());
        lookup.created().of(lb.arn()).ifPresent(t -> out.put("CreatedTime", t));
        out.put("LoadBalancerName", lb.name());
        out.put("Scheme", lb.internal() ? "internal" : "internet-facing");
        List<Object> zones = new ArrayList<>();
        String vpc = null;
        for (String subnetId : subnets(p)) {
            Map<String, Object> zone = new LinkedHashMap<>();
            var subnet = lookup.subnet(subnetId);
            if (subnet.isPresent()) {
                zone.put("ZoneName", subnet.get().attributes().get("AvailabilityZone"));
                vpc = vpc != null ? vpc : String.valueOf(subnet.get().attributes().get("VpcId"));
            }
            zone.put("SubnetId", subnetId);
            zone.put("LoadBalancerAddresses", List.of());
            zones.add(zone);
        }
        out.put("VpcId", vpc);
        out.put("State", Map.of("Code", "active"));
        out.put("Type", p.string("Type").orElse("application"));
        out.put("AvailabilityZones", zones);
        out.put("SecurityGroups", p.strings("SecurityGroups"));
        out.put("IpAddressType", p.string("IpAddressType").orElse("ipv4"));
        return out;
    }

    private static List<String> subnets(Params p) {
        List<String> ids = new ArrayList<>(p.strings("Subnets"));
        p.structs("SubnetMappings").forEach(m -> m.string("SubnetId").ifPresent(ids::add));
        return ids;
    }

    static Map<String, Object> listener(ResourceRecord record) {
        Params p = new Params(record.properties());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ListenerArn", record.physicalId());
        out.put("LoadBalancerArn", p.string("LoadBalancerArn").orElse(null));
        out.put("Port", p.integer("Port").orElse(80));
        out.put("Protocol", p.string("Protocol").orElse("HTTP"));
        out.put("DefaultActions", actions(p.structs("DefaultActions")));
        return out;
    }

    /** The listener's default rule (ELB lists it last, with priority {@code default}) and its other rules. */
    static List<Object> rules(ResourceRecord listener, List<ResourceRecord> rules) {
        List<Object> out = new ArrayList<>();
        for (ResourceRecord rule : rules) {
            Params p = new Params(rule.properties());
            out.add(rule(rule.physicalId(), String.valueOf(p.integer("Priority").orElse(0)),
                    conditions(p.structs("Conditions")), actions(p.structs("Actions")), false));
        }
        out.add(defaultRule(listener));
        return out;
    }

    static Map<String, Object> defaultRule(ResourceRecord listener) {
        return rule(defaultRuleArn(listener.physicalId()), "default", List.of(),
                actions(new Params(listener.properties()).structs("DefaultActions")), true);
    }

    /** A stable ARN for a listener's default rule, which no template names. */
    static String defaultRuleArn(String listenerArn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(listenerArn.getBytes(StandardCharsets.UTF_8));
            return listenerArn.replace(":listener/", ":listener-rule/") + "/"
                    + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Map<String, Object> rule(String arn, String priority, List<Object> conditions, List<Object> actions,
                                            boolean isDefault) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("RuleArn", arn);
        out.put("Priority", priority);
        out.put("Conditions", conditions);
        out.put("Actions", actions);
        out.put("IsDefault", isDefault);
        return out;
    }

    private static List<Object> conditions(List<Params> conditions) {
        List<Object> out = new ArrayList<>();
        for (Params c : conditions) {
            List<String> values = new ArrayList<>(c.strings("Values"));
            values.addAll(c.struct("PathPatternConfig").strings("Values"));
            Map<String, Object> condition = new LinkedHashMap<>();
            String field = c.string("Field").orElse("path-pattern");
            condition.put("Field", field);
            condition.put("Values", values);
            if (field.equals("path-pattern")) {
                condition.put("PathPatternConfig", Map.of("Values", values));
            }
            out.add(condition);
        }
        return out;
    }

    /** Forward actions as ELB echoes them: the target group ARN and its ForwardConfig with weight 1. */
    private static List<Object> actions(List<Params> actions) {
        List<Object> out = new ArrayList<>();
        int order = 1;
        for (Params a : actions) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("Type", a.string("Type").orElse("forward"));
            List<Object> groups = new ArrayList<>();
            a.string("TargetGroupArn").ifPresent(arn -> {
                action.put("TargetGroupArn", arn);
                groups.add(Map.of("TargetGroupArn", arn, "Weight", 1));
            });
            for (Params g : a.struct("ForwardConfig").structs("TargetGroups")) {
                groups.add(Map.of("TargetGroupArn", g.string("TargetGroupArn").orElse(""),
                        "Weight", g.integer("Weight").orElse(1)));
            }
            action.put("Order", a.integer("Order").orElse(order++));
            if (!groups.isEmpty()) {
                action.put("ForwardConfig", Map.of("TargetGroups", groups,
                        "TargetGroupStickinessConfig", Map.of("Enabled", false)));
            }
            out.add(action);
        }
        return out;
    }

    /** The target groups a list of actions forwards to. */
    static List<String> forwardTargets(List<Params> actions) {
        List<String> out = new ArrayList<>();
        for (Params a : actions) {
            a.string("TargetGroupArn").ifPresent(out::add);
            a.struct("ForwardConfig").structs("TargetGroups").forEach(g -> g.string("TargetGroupArn").ifPresent(out::add));
        }
        return out;
    }

    static Map<String, Object> targetGroup(TargetGroup group, Elbv2Lookup lookup) {
        Params p = lookup.properties(group.arn());
        HealthCheckSpec check = group.spec().healthCheck();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("TargetGroupArn", group.arn());
        out.put("TargetGroupName", group.spec().name());
        out.put("Protocol", p.string("Protocol").orElse("HTTP"));
        out.put("Port", group.spec().port());
        out.put("VpcId", p.string("VpcId").orElse(null));
        out.put("HealthCheckProtocol", p.string("HealthCheckProtocol").orElse("HTTP"));
        out.put("HealthCheckPort", p.string("HealthCheckPort").orElse("traffic-port"));
        out.put("HealthCheckEnabled", p.bool("HealthCheckEnabled").orElse(true));
        out.put("HealthCheckIntervalSeconds", check.intervalSeconds());
        out.put("HealthCheckTimeoutSeconds", check.timeoutSeconds());
        out.put("HealthyThresholdCount", check.healthyThreshold());
        out.put("UnhealthyThresholdCount", check.unhealthyThreshold());
        out.put("HealthCheckPath", check.path());
        out.put("Matcher", Map.of("HttpCode", check.matcher()));
        out.put("LoadBalancerArns", lookup.loadBalancersOf(group.arn()));
        out.put("TargetType", p.string("TargetType").orElse("instance"));
        out.put("ProtocolVersion", p.string("ProtocolVersion").orElse("HTTP1"));
        out.put("IpAddressType", "ipv4");
        return out;
    }
}
