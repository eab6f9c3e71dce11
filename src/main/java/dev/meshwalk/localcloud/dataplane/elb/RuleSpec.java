package dev.meshwalk.localcloud.dataplane.elb;

import java.util.List;

/** A listener rule: path patterns ({@code *} any characters, {@code ?} one) forwarding to a target group. */
public record RuleSpec(int priority, List<String> pathPatterns, String targetGroupArn) {

    public RuleSpec {
        pathPatterns = List.copyOf(pathPatterns);
    }
}
