package dev.meshwalk.localcloud.dataplane.telemetry;

import dev.meshwalk.localcloud.dataplane.ecs.ContainerKind;
import dev.meshwalk.localcloud.dataplane.ecs.ContainerLaunch;
import dev.meshwalk.localcloud.dataplane.ecs.RunningContainer;
import dev.meshwalk.localcloud.dataplane.ecs.TelemetrySidecars;
import java.util.HashMap;
import java.util.Map;

/**
 * The X-Ray daemon and CloudWatch agent containers of every task, played by one shared {@link TelemetryIntake}.
 *
 * <p>On AWS an app reaches its sidecar at {@code localhost:4318} (OTLP), {@code localhost:2000} (X-Ray UDP) and
 * {@code localhost:8125} (statsd), because the task's containers share a network namespace. Locally, a sidecar
 * container binds nothing of its own: it hands its siblings the shared intake's addresses
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code AWS_XRAY_DAEMON_ADDRESS}, {@code STATSD_ADDRESS}), which take
 * the place of the template's {@code localhost} values. One intake for all tasks costs three ports and three
 * threads instead of that per task; segment names and metric dimensions already say which task sent what.
 * Apps started before their sidecar (no {@code DependsOn}) keep the template's value and export nowhere, as an
 * app on AWS would fail to reach an agent that is not up yet.
 */
public final class SharedIntakeSidecars implements TelemetrySidecars {

    private final TelemetryIntake intake;

    public SharedIntakeSidecars(TelemetryIntake intake) {
        this.intake = intake;
    }

    @Override
    public RunningContainer start(ContainerKind kind, ContainerLaunch launch) {
        Map<String, String> siblings = new HashMap<>();
        String xray = intake.xrayDaemonAddress().getAddress().getHostAddress() + ":" + intake.xrayDaemonAddress().getPort();
        siblings.put("AWS_XRAY_DAEMON_ADDRESS", xray);
        if (kind == ContainerKind.CLOUDWATCH_AGENT) {
            siblings.put("OTEL_EXPORTER_OTLP_ENDPOINT", intake.otlpEndpoint());
            siblings.put("STATSD_ADDRESS", intake.statsdAddress().getAddress().getHostAddress() + ":"
                    + intake.statsdAddress().getPort());
        }
        Map<String, String> offered = Map.copyOf(siblings);
        return new RunningContainer() {
            private volatile boolean running = true;

            @Override
            public boolean isAlive() {
                return running;
            }

            @Override
            public Map<Integer, Integer> boundPorts() {
                return Map.of();
            }

            @Override
            public Map<String, String> environmentForSiblings() {
                return offered;
            }

            @Override
            public void close() {
                running = false;
            }

            @Override
            public String toString() {
                return kind + " of " + launch.taskId() + " -> shared telemetry intake";
            }
        };
    }
}
