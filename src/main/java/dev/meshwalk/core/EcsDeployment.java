package dev.meshwalk.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An ECS service deployment at one poll, as the effects report it while CloudFormation waits on the service (chapter
 * 5's canary): ECS's own status and stage, the strategy's numbers, the new revision's traffic share and tasks, the
 * bake phase's length and what is left of it on the target's clock, and the watched alarms' states. Typed facts;
 * {@link EcsDeploymentText} words them, {@link EcsDeploymentTrack} keeps the phases seen.
 *
 * @param phaseLength the current bake phase's length on the target's clock (empty outside one, or clock unknown)
 * @param phaseLeft   what is left of it
 * @param alarms      watched alarm name to its CloudWatch state ({@code OK}, {@code ALARM}, ...)
 * @param reason      the rollback's (or ECS's status) reason, or null
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

        /** The symbol the pane draws for it. */
        public Status status() {
            return switch (this) {
                case COMPLETED -> Status.OK;
                case ROLLING_BACK, ROLLED_BACK -> Status.WARNING;
                case STOPPED, ROLLBACK_FAILED -> Status.FAILED;
                default -> Status.IN_PROGRESS;
            };
        }

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
}
