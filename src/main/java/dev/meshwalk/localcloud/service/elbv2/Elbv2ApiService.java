package dev.meshwalk.localcloud.service.elbv2;

import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancers;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.provider.Ec2Resources;
import dev.meshwalk.localcloud.provider.Elbv2Resources;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.CreationTimes;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Elastic Load Balancing v2's read API (awsQuery, version 2015-12-01, signing name {@code elasticloadbalancing})
 * over the data plane's live load balancers: what a learner inspects with {@code aws elbv2 describe-*}, down to
 * each target's health as the load balancer's own health checker sees it ({@link TargetHealthViews}).
 */
public final class Elbv2ApiService implements AwsService {

    private static final Set<String> OPERATIONS = Set.of("DescribeLoadBalancers", "DescribeListeners",
            "DescribeRules", "DescribeTargetGroups", "DescribeTargetHealth");

    private final Elbv2Lookup lookup;

    /** Registers on the stacks' ELBv2 records to learn creation times; call before any stack is created. */
    public Elbv2ApiService(LoadBalancers live, Elbv2Resources records, Ec2Resources ec2, Clock clock) {
        CreationTimes created = new CreationTimes(clock);
        records.addListener(created);
        this.lookup = new Elbv2Lookup(live, records, ec2, created);
    }

    @Override
    public String signingName() {
        return "elasticloadbalancing";
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        return switch (operation) {
            case "DescribeLoadBalancers" -> describeLoadBalancers(input);
            case "DescribeListeners" -> describeListeners(input);
            case "DescribeRules" -> describeRules(input);
            case "DescribeTargetGroups" -> describeTargetGroups(input);
            case "DescribeTargetHealth" -> TargetHealthViews.describe(lookup, input);
            default -> throw new IllegalArgumentException(operation + " is not an ELBv2 operation of this service");
        };
    }

    private Map<String, Object> describeLoadBalancers(Params input) {
        List<String> arns = input.strings("LoadBalancerArns");
        List<String> names = input.strings("Names");
        if (!arns.isEmpty() && !names.isEmpty()) {
            throw Elbv2Errors.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        arns.forEach(a -> Elbv2Errors.requireArn(a, "loadbalancer", "load balancer"));
        List<LoadBalancer> all = lookup.loadBalancers();
        List<LoadBalancer> chosen = all;
        if (!arns.isEmpty()) {
            chosen = all.stream().filter(lb -> arns.contains(lb.arn())).toList();
            if (chosen.size() < Set.copyOf(arns).size()) {
                throw Elbv2Errors.loadBalancerNotFound();
            }
        } else if (!names.isEmpty()) {
            chosen = all.stream().filter(lb -> names.contains(lb.name())).toList();
            List<String> missing = names.stream().filter(n -> all.stream().noneMatch(lb -> lb.name().equals(n))).toList();
            if (!missing.isEmpty()) {
                throw Elbv2Errors.loadBalancersNamedNotFound(missing);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Markers.page(chosen.stream().map(lb -> (Object) Elbv2Views.loadBalancer(lb, lookup)).toList(), input,
                "LoadBalancers", out);
        return out;
    }

    private Map<String, Object> describeListeners(Params input) {
        String lbArn = input.string("LoadBalancerArn").orElse(null);
        List<String> arns = input.strings("ListenerArns");
        if (lbArn == null && arns.isEmpty()) {
            throw Elbv2Errors.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        List<ResourceRecord> chosen;
        if (lbArn != null) {
            Elbv2Errors.requireArn(lbArn, "loadbalancer", "load balancer");
            if (lookup.live().loadBalancer(lbArn).isEmpty()) {
                throw Elbv2Errors.loadBalancerNotFound();
            }
            chosen = lookup.listeners(lbArn).stream().filter(l -> arns.isEmpty() || arns.contains(l.physicalId())).toList();
        } else {
            arns.forEach(a -> Elbv2Errors.requireArn(a, "listener", "listener"));
            chosen = lookup.allListeners().stream().filter(l -> arns.contains(l.physicalId())).toList();
        }
        if (!arns.isEmpty() && chosen.size() < Set.copyOf(arns).size()) {
            throw Elbv2Errors.listenerNotFound();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Markers.page(chosen.stream().map(l -> (Object) Elbv2Views.listener(l)).toList(), input, "Listeners", out);
        return out;
    }

    private Map<String, Object> describeRules(Params input) {
        String listenerArn = input.string("ListenerArn").orElse(null);
        List<String> arns = input.strings("RuleArns");
        if (listenerArn == null && arns.isEmpty()) {
            throw Elbv2Errors.validation("You must specify either listener ARN or rule ARNs");
        }
        List<Object> rules = new ArrayList<>();
        if (listenerArn != null) {
            Elbv2Errors.requireArn(listenerArn, "listener", "listener");
            ResourceRecord listener = lookup.listener(listenerArn).orElseThrow(Elbv2Errors::listenerNotFound);
            rules.addAll(Elbv2Views.rules(listener, lookup.rules(listenerArn)));
        } else {
            arns.forEach(a -> Elbv2Errors.requireArn(a, "listener-rule", "rule"));
            lookup.allListeners().forEach(l -> rules.addAll(Elbv2Views.rules(l, lookup.rules(l.physicalId()))));
        }
        if (!arns.isEmpty()) {
            rules.removeIf(r -> !arns.contains(String.valueOf(((Map<?, ?>) r).get("RuleArn"))));
            if (rules.size() < Set.copyOf(arns).size()) {
                throw Elbv2Errors.ruleNotFound();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Markers.page(rules, input, "Rules", out);
        return out;
    }

    private Map<String, Object> describeTargetGroups(Params input) {
        String lbArn = input.string("LoadBalancerArn").orElse(null);
        List<String> arns = input.strings("TargetGroupArns");
        List<String> names = input.strings("Names");
        arns.forEach(a -> Elbv2Errors.requireArn(a, "targetgroup", "target group"));
        if (lbArn != null) {
            Elbv2Errors.requireArn(lbArn, "loadbalancer", "load balancer");
            if (lookup.live().loadBalancer(lbArn).isEmpty()) {
                throw Elbv2Errors.loadBalancerNotFound();
            }
        }
        List<TargetGroup> chosen = lookup.targetGroups().stream()
                .filter(g -> arns.isEmpty() || arns.contains(g.arn()))
                .filter(g -> names.isEmpty() || names.contains(g.spec().name()))
                .filter(g -> lbArn == null || lookup.loadBalancersOf(g.arn()).contains(lbArn))
                .toList();
        if (chosen.size() < Set.copyOf(arns).size() || chosen.size() < Set.copyOf(names).size()) {
            throw Elbv2Errors.targetGroupNotFound();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Markers.page(chosen.stream().map(g -> (Object) Elbv2Views.targetGroup(g, lookup)).toList(), input,
                "TargetGroups", out);
        return out;
    }
}
