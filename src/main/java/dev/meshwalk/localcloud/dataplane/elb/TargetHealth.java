package dev.meshwalk.localcloud.dataplane.elb;

/**
 * {@code DescribeTargetHealth}'s view of one target: ELBv2's state, reason code ({@code Elb.InitialHealthChecking},
 * {@code Target.ResponseCodeMismatch}, ...; null when healthy) and the description AWS gives with that reason.
 */
public record TargetHealth(Target target, State state, String reason, String description) {

    /** ELBv2 target states (the ones that happen locally). */
    public enum State { INITIAL, HEALTHY, UNHEALTHY, DRAINING }
}
