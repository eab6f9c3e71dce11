package dev.meshwalk.localcloud.service.elbv2;

import dev.meshwalk.localcloud.dataplane.elb.Target;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.dataplane.elb.TargetHealth;
import dev.meshwalk.localcloud.service.Params;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code DescribeTargetHealth}: each target's state as the load balancer's health checker has it, in ELB's words
 * ({@code initial} with {@code Elb.RegistrationInProgress} or {@code Elb.InitialHealthChecking}, {@code healthy},
 * {@code unhealthy} with {@code Target.ResponseCodeMismatch}/{@code Target.Timeout}/{@code Target.FailedHealthChecks},
 * {@code draining} with {@code Target.DeregistrationInProgress}), and {@code unused} for targets asked about that are
 * not registered ({@code Target.NotRegistered}) or in a group no load balancer forwards to ({@code Target.NotInUse}).
 */
final class TargetHealthViews {

    private TargetHealthViews() {
    }

    static Map<String, Object> describe(Elbv2Lookup lookup, Params input) {
        String arn = input.string("TargetGroupArn").filter(s -> !s.isBlank()).orElseThrow(() -> Elbv2Errors.validation(
                "1 validation error detected: Value null at 'targetGroupArn' failed to satisfy constraint:"
                        + " Member must not be null"));
        Elbv2Errors.requireArn(arn, "targetgroup", "target group");
        TargetGroup group = lookup.targetGroup(arn).orElseThrow(() -> Elbv2Errors.targetGroupNotFound(arn));
        boolean inUse = !lookup.loadBalancersOf(arn).isEmpty();
        List<TargetHealth> health = new ArrayList<>(group.health());
        health.sort(Comparator.comparing(h -> h.target().hostAndPort()));
        List<Params> asked = input.structs("Targets");
        List<Object> out = new ArrayList<>();
        if (asked.isEmpty()) {
            health.forEach(h -> out.add(description(h.target(), inUse ? state(h) : notInUse())));
        } else {
            for (Params t : asked) {
                String id = t.string("Id").orElseThrow(() -> Elbv2Errors.validation("A target ID must be specified"));
                Integer port = t.integer("Port").orElse(null);
                List<TargetHealth> matching = health.stream().filter(h -> h.target().ip().equals(id)
                        && (port == null || h.target().port() == port)).toList();
                if (matching.isEmpty()) {
                    out.add(description(new Target(id, port != null ? port : group.spec().port()), Map.of(
                            "State", "unused", "Reason", "Target.NotRegistered",
                            "Description", "Target is not registered to the target group")));
                }
                matching.forEach(h -> out.add(description(h.target(), inUse ? state(h) : notInUse())));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("TargetHealthDescriptions", out);
        return result;
    }

    private static Map<String, Object> description(Target target, Map<String, Object> health) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Target", Map.of("Id", target.ip(), "Port", target.port()));
        out.put("HealthCheckPort", String.valueOf(target.port()));
        out.put("TargetHealth", health);
        return out;
    }

    private static Map<String, Object> state(TargetHealth h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("State", h.state().name().toLowerCase(Locale.ROOT));
        if (h.reason() != null) {
            out.put("Reason", h.reason());
            out.put("Description", h.description());
        }
        return out;
    }

    private static Map<String, Object> notInUse() {
        return Map.of("State", "unused", "Reason", "Target.NotInUse",
                "Description", "Target group is not configured to receive traffic from the load balancer");
    }
}
