package dev.meshwalk.localcloud.dataplane.elb;

/** {@code DescribeTargetHealth}'s view of one target. */
public record TargetHealth(Target target, State state, String reason) {

    /** ELBv2 target states (the ones that happen locally). */
    public enum State { INITIAL, HEALTHY, UNHEALTHY, DRAINING }
}
