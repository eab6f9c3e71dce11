package dev.meshwalk.localcloud.service.elbv2;

import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancers;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.provider.Ec2Resources;
import dev.meshwalk.localcloud.provider.Elbv2Resources;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.service.CreationTimes;
import dev.meshwalk.localcloud.service.Params;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the ELBv2 API's answers come from: the data plane's live load balancers, listeners and target groups
 * (what exists, its health checks and target health) joined with what the stacks asked for (scheme, subnets,
 * security groups, listener actions and rules, as ELB echoes them), and the subnets' VPC and zone.
 */
final class Elbv2Lookup {

    private final LoadBalancers live;
    private final Elbv2Resources records;
    private final Ec2Resources ec2;
    private final CreationTimes created;

    Elbv2Lookup(LoadBalancers live, Elbv2Resources records, Ec2Resources ec2, CreationTimes created) {
        this.live = live;
        this.records = records;
        this.ec2 = ec2;
        this.created = created;
    }

    LoadBalancers live() {
        return live;
    }

    CreationTimes created() {
        return created;
    }

    List<LoadBalancer> loadBalancers() {
        return live.loadBalancers();
    }

    List<TargetGroup> targetGroups() {
        return live.targetGroups();
    }

    Optional<TargetGroup> targetGroup(String arn) {
        return live.targetGroup(arn);
    }

    /** The properties a stack gave the resource (empty for one the data plane has but no stack made). */
    Params properties(String arn) {
        return new Params(records.get(arn).map(ResourceRecord::properties).orElse(Map.of()));
    }

    /** Listeners that are really listening, with the stack's record of each. */
    List<ResourceRecord> listeners(String loadBalancerArn) {
        Set<String> listening = new LinkedHashSet<>();
        live.listeners(loadBalancerArn).forEach(l -> listening.add(l.arn()));
        return records.ofType(Elbv2Resources.LISTENER).stream().filter(r -> listening.contains(r.physicalId()))
                .sorted(Comparator.comparing(ResourceRecord::physicalId)).toList();
    }

    List<ResourceRecord> allListeners() {
        List<ResourceRecord> out = new ArrayList<>();
        loadBalancers().forEach(lb -> out.addAll(listeners(lb.arn())));
        return out;
    }

    Optional<ResourceRecord> listener(String arn) {
        return allListeners().stream().filter(r -> r.physicalId().equals(arn)).findFirst();
    }

    /** A listener's non-default rules, by priority. */
    List<ResourceRecord> rules(String listenerArn) {
        return records.ofType(Elbv2Resources.LISTENER_RULE).stream()
                .filter(r -> listenerArn.equals(String.valueOf(r.properties().get("ListenerArn"))))
                .sorted(Comparator.comparingInt(r -> new Params(r.properties()).integer("Priority").orElse(0)))
                .toList();
    }

    /** The load balancers whose listeners (default actions or rules) forward to the target group. */
    List<String> loadBalancersOf(String targetGroupArn) {
        Set<String> out = new LinkedHashSet<>();
        for (ResourceRecord listener : allListeners()) {
            boolean forwards = Elbv2Views.forwardTargets(new Params(listener.properties()).structs("DefaultActions"))
                    .contains(targetGroupArn)
                    || rules(listener.physicalId()).stream().anyMatch(rule ->
                    Elbv2Views.forwardTargets(new Params(rule.properties()).structs("Actions")).contains(targetGroupArn));
            if (forwards) {
                out.add(String.valueOf(listener.properties().get("LoadBalancerArn")));
            }
        }
        return List.copyOf(out);
    }

    /** A subnet's VPC and zone, from the stack that made it. */
    Optional<ResourceRecord> subnet(String subnetId) {
        return ec2.get(subnetId).filter(r -> r.type().equals("AWS::EC2::Subnet"));
    }
}
