package dev.meshwalk.localcloud.dataplane.ecs;

/**
 * The hook through which X-Ray daemon and CloudWatch agent containers become the local telemetry intake. The
 * composition root supplies the intake's implementation; the data plane only calls it.
 */
@FunctionalInterface
public interface TelemetrySidecars {

    /**
     * Starts the intake's side for one sidecar container of a task.
     *
     * @param kind {@link ContainerKind#XRAY_DAEMON} or {@link ContainerKind#CLOUDWATCH_AGENT}
     */
    RunningContainer start(ContainerKind kind, ContainerLaunch launch) throws Exception;
}
