package dev.meshwalk.cloud;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One ECS service deployment as {@code DescribeServiceDeployments} showed it at one poll, plus what only the
 * tutorial can add: how long the current bake phase lasts on this target's clock and how much of it is left, and the
 * CloudWatch state of the alarms the deployment watches. Facts only; the core words them.
 *
 * @param service            the ECS service's name
 * @param status             ECS's deployment status ({@code IN_PROGRESS}, {@code SUCCESSFUL}, {@code ROLLBACK_*}, ...)
 * @param stage              ECS's lifecycle stage ({@code SCALE_UP}, {@code PRODUCTION_TRAFFIC_SHIFT}, {@code BAKE_TIME}, ...), or null
 * @param strategy           {@code ROLLING}, {@code CANARY}, {@code LINEAR} or {@code BLUE_GREEN}
 * @param canaryPercent      the canary's share of traffic (0 when not a canary)
 * @param canaryBakeMinutes  how long the canary share lasts, as the template says (AWS minutes)
 * @param bakeMinutes        how long the old revision is kept once all traffic moved, as the template says
 * @param newTrafficPercent  the share of production traffic the new revision gets now, when ECS says
 * @param newRunning         the new revision's running tasks
 * @param newRequested       the new revision's requested tasks
 * @param phaseLength        the current bake phase's length on this target's clock, when in one and the clock is known
 * @param phaseLeft          what is left of it now (never negative)
 * @param alarmMonitoring    ECS's watch of the alarms: {@code MONITORING}, {@code TRIGGERED}, {@code MONITORING_COMPLETE}, {@code DISABLED}
 * @param alarms             each watched alarm with its CloudWatch state ({@code OK}, {@code ALARM}, ..., or "unknown")
 * @param triggeredAlarms    the alarms ECS says triggered a rollback
 * @param reason             the rollback's reason, else ECS's status reason, or null
 */
public record ServiceDeploymentState(String service, String status, String stage, String strategy, double canaryPercent,
        int canaryBakeMinutes, int bakeMinutes, OptionalDouble newTrafficPercent, int newRunning, int newRequested,
        Optional<Duration> phaseLength, Optional<Duration> phaseLeft, String alarmMonitoring, List<Alarm> alarms,
        List<String> triggeredAlarms, String reason) {

    /** A CloudWatch alarm the deployment watches and its state. */
    public record Alarm(String name, String state) {
    }

    public ServiceDeploymentState {
        alarms = List.copyOf(alarms);
        triggeredAlarms = List.copyOf(triggeredAlarms);
    }

    /** True once nothing more will happen to the deployment. */
    public boolean isFinal() {
        return isFinal(status);
    }

    /** Whether ECS's deployment status is one nothing follows. */
    static boolean isFinal(String status) {
        return List.of("SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED").contains(status);
    }
}
