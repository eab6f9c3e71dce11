package dev.meshwalk.localcloud.dataplane.elb;

/** A target group of IP targets (Fargate tasks register as {@code ip:port}). */
public record TargetGroupSpec(String name, int port, HealthCheckSpec healthCheck, int deregistrationDelaySeconds) {
}
