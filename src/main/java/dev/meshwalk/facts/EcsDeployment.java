package dev.meshwalk.facts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An ECS service deployment as {@code DescribeServiceDeployments} showed it at one poll, while CloudFormation waits on
 * the service (chapter 5's canary), plus what only the tutorial adds: the bake phase's length and what is left of it
 * on the target's clock, and the watched alarms' CloudWatch states. Read by the {@code cloud} package, worded by the
 * core ({@code EcsDeploymentText}; {@code EcsDeploymentTrack} keeps the phases seen) for every front-end alike.
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
 * @param phaseLength        the current bake phase's length on the target's clock (empty outside one, or clock unknown)
 * @param phaseLeft          what is left of it now (never negative)
 * @param alarmMonitoring    ECS's watch of the alarms: {@code MONITORING}, {@code TRIGGERED}, {@code MONITORING_COMPLETE}, {@code DISABLED}
 * @param alarms             each watched alarm with its CloudWatch state ({@code OK}, {@code ALARM}, ..., or "unknown")
 * @param triggeredAlarms    the alarms ECS says triggered a rollback
 * @param reason             the rollback's reason, else ECS's status reason, or null
 */
public record EcsDeployment(String service, String status, String stage, String strategy, double canaryPercent,
        int canaryBakeMinutes, int bakeMinutes, OptionalDouble newTrafficPercent, int newRunning, int newRequested,
        Optional<Duration> phaseLength, Optional<Duration> phaseLeft, String alarmMonitoring, List<Alarm> alarms,
        List<String> triggeredAlarms, String reason) {

    /** A watched alarm and its CloudWatch state. */
    public record Alarm(String name, String state) {
    }

    public EcsDeployment {
        alarms = List.copyOf(alarms);
        triggeredAlarms = List.copyOf(triggeredAlarms);
    }

    /** Where the deployment is, in the learner's terms (ECS's status, stage and traffic share combined). */
    public enum Phase {
        STARTING, SHIFTING, ALL_NEW, CLEANING_UP, COMPLETED, ROLLING_BACK, ROLLED_BACK, STOPPED, ROLLBACK_FAILED;

        public boolean ended() {
            return this == COMPLETED || this == ROLLED_BACK || this == STOPPED || this == ROLLBACK_FAILED;
        }
    }

    public Phase phase() {
        return switch (status) {
            case "SUCCESSFUL" -> Phase.COMPLETED;
            case "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS" -> Phase.ROLLING_BACK;
            case "ROLLBACK_SUCCESSFUL" -> Phase.ROLLED_BACK;
            case "ROLLBACK_FAILED" -> Phase.ROLLBACK_FAILED;
            case "STOPPED", "STOP_REQUESTED" -> Phase.STOPPED;
            default -> "CLEAN_UP".equals(stage) ? Phase.CLEANING_UP
                    : newShare() >= 100 ? Phase.ALL_NEW
                    : newShare() > 0 ? Phase.SHIFTING : Phase.STARTING;
        };
    }

    /** The new revision's share of production traffic, 0 when ECS does not say. */
    public double newShare() {
        return newTrafficPercent.orElse(0);
    }

    public boolean canary() {
        return "CANARY".equals(strategy);
    }

    /** True once nothing more will happen to the deployment (the follower stops polling it). */
    public boolean isFinal() {
        return isFinal(status);
    }

    /** Whether ECS's deployment status is one nothing follows. */
    public static boolean isFinal(String status) {
        return List.of("SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED").contains(status);
    }
}
