package dev.meshwalk.localcloud.dataplane.ecs;

/** The local programs a container image can map to. */
public enum ContainerKind {
    /** The front demo app, run in-process. */
    FRONT_APP,
    /** The color demo app, run in-process. */
    COLOR_APP,
    /** The X-Ray daemon: the telemetry intake's segment (UDP 2000) side. */
    XRAY_DAEMON,
    /** The CloudWatch agent: the telemetry intake's StatsD (UDP 8125) side. */
    CLOUDWATCH_AGENT,
    /** App Mesh's Envoy image: the local mesh proxy. */
    MESH_PROXY,
    /** The Service Connect agent ECS adds to each task of a Service Connect service (never in a task definition). */
    SERVICE_CONNECT_PROXY;

    boolean isApp() {
        return this == FRONT_APP || this == COLOR_APP;
    }
}
