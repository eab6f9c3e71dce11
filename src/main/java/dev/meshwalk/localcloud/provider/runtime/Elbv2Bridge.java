package dev.meshwalk.localcloud.provider.runtime;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.dataplane.elb.HealthCheckSpec;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerSpec;
import dev.meshwalk.localcloud.dataplane.elb.RuleSpec;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroupSpec;
import dev.meshwalk.localcloud.provider.Elbv2Resources;
import dev.meshwalk.localcloud.provider.ProvisionException;
import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import java.util.ArrayList;
import java.util.List;

/** Turns ELBv2 records into load balancers, target groups, listeners and rules that really serve. */
final class Elbv2Bridge implements ResourceListener {

    private final DataPlane dataPlane;

    Elbv2Bridge(DataPlane dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public void created(ResourceRecord record) {
        Props p = new Props(record.properties());
        try {
            switch (record.type()) {
                case Elbv2Resources.LOAD_BALANCER -> dataPlane.loadBalancers().createLoadBalancer(
                        new LoadBalancerSpec(String.valueOf(record.attributes().get("LoadBalancerName")),
                                "internal".equals(p.text("Scheme"))),
                        record.physicalId(), String.valueOf(record.attributes().get("DNSName")));
                case Elbv2Resources.TARGET_GROUP -> dataPlane.loadBalancers().createTargetGroup(targetGroup(record),
                        record.physicalId());
                case Elbv2Resources.LISTENER -> dataPlane.loadBalancers().createListener(p.text("LoadBalancerArn"),
                        p.integer("Port", 80), forwardTarget(p.list("DefaultActions")), record.physicalId());
                case Elbv2Resources.LISTENER_RULE -> dataPlane.loadBalancers().createRule(p.text("ListenerArn"),
                        new RuleSpec(p.integer("Priority", 1), pathPatterns(p), forwardTarget(p.list("Actions"))),
                        record.physicalId());
                default -> { }
            }
        } catch (RuntimeException e) {
            throw new ProvisionException(e.getMessage());
        }
    }

    @Override
    public void updated(ResourceRecord before, ResourceRecord after) {
        switch (after.type()) {
            case Elbv2Resources.LISTENER, Elbv2Resources.LISTENER_RULE -> {
                deleted(before);
                created(after);
            }
            default -> { } // load balancer and target group changes that matter replace the resource
        }
    }

    @Override
    public void deleted(ResourceRecord record) {
        switch (record.type()) {
            case Elbv2Resources.LOAD_BALANCER -> dataPlane.loadBalancers().deleteLoadBalancer(record.physicalId());
            case Elbv2Resources.TARGET_GROUP -> dataPlane.loadBalancers().deleteTargetGroup(record.physicalId());
            case Elbv2Resources.LISTENER -> dataPlane.loadBalancers().deleteListener(record.physicalId());
            case Elbv2Resources.LISTENER_RULE -> dataPlane.loadBalancers().deleteRule(record.physicalId());
            default -> { }
        }
    }

    private static TargetGroupSpec targetGroup(ResourceRecord record) {
        Props p = new Props(record.properties());
        int delay = 300;
        for (Props attribute : p.list("TargetGroupAttributes")) {
            if ("deregistration_delay.timeout_seconds".equals(attribute.text("Key"))) {
                delay = attribute.integer("Value", 300);
            }
        }
        HealthCheckSpec health = new HealthCheckSpec(p.text("HealthCheckPath", "/"),
                p.integer("HealthCheckIntervalSeconds", 30), p.integer("HealthCheckTimeoutSeconds", 5),
                p.integer("HealthyThresholdCount", 5), p.integer("UnhealthyThresholdCount", 2),
                p.child("Matcher").text("HttpCode", "200"));
        return new TargetGroupSpec(String.valueOf(record.attributes().get("TargetGroupName")), p.integer("Port", 80),
                health, delay);
    }

    /** The target group of the first forward action (plain or with ForwardConfig). */
    private static String forwardTarget(List<Props> actions) {
        for (Props action : actions) {
            if (action.has("TargetGroupArn")) {
                return action.text("TargetGroupArn");
            }
            List<Props> groups = action.child("ForwardConfig").list("TargetGroups");
            if (!groups.isEmpty()) {
                return groups.get(0).text("TargetGroupArn");
            }
        }
        throw new ProvisionException("only forward actions to a target group are supported by the local cloud");
    }

    private static List<String> pathPatterns(Props rule) {
        List<String> patterns = new ArrayList<>();
        for (Props condition : rule.list("Conditions")) {
            if ("path-pattern".equals(condition.text("Field"))) {
                patterns.addAll(condition.strings("Values"));
                patterns.addAll(condition.child("PathPatternConfig").strings("Values"));
            }
        }
        if (patterns.isEmpty()) {
            throw new ProvisionException("only path-pattern rule conditions are supported by the local cloud");
        }
        return patterns;
    }
}
