package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.List;
import java.util.Locale;

/**
 * An ECS service's {@code DeploymentConfiguration}: how a new task definition is rolled out. {@code ROLLING}
 * replaces tasks as new ones become healthy; {@code CANARY} starts the new revision beside the old one, shifts
 * {@code canaryPercent} of the traffic to it for {@code canaryBakeTimeInMinutes}, then all of it, waits
 * {@code bakeTimeInMinutes}, and only then stops the old tasks. Alarms ({@code alarmNames}, when enabled) are
 * watched for the whole deployment; with {@code alarmsRollback} one in {@code ALARM} rolls it back. Minutes run on
 * the compressed clock locally.
 */
public record DeploymentConfigSpec(Strategy strategy, int minimumHealthyPercent, int maximumPercent,
                                   double canaryPercent, int canaryBakeTimeInMinutes, int bakeTimeInMinutes,
                                   boolean circuitBreakerEnable, boolean circuitBreakerRollback,
                                   List<String> alarmNames, boolean alarmsEnable, boolean alarmsRollback) {

    /** ECS deployment strategies; this local cloud runs ROLLING and CANARY. */
    public enum Strategy { ROLLING, CANARY, BLUE_GREEN, LINEAR }

    /** ECS's defaults: rolling, 100% / 200%, canary 5% for 10 minutes if asked, no bake time, nothing watched. */
    public static DeploymentConfigSpec defaults() {
        return new DeploymentConfigSpec(Strategy.ROLLING, 100, 200, 5.0, 10, 0, false, false, List.of(), false, false);
    }

    public DeploymentConfigSpec {
        alarmNames = List.copyOf(alarmNames);
        if (strategy == Strategy.BLUE_GREEN || strategy == Strategy.LINEAR) {
            throw new IllegalArgumentException("InvalidParameterException: deployment strategy " + strategy
                    + " is not run by the local cloud; use ROLLING or CANARY");
        }
        long tenths = Math.round(canaryPercent * 10);
        if (tenths < 1 || tenths > 1000 || Math.abs(canaryPercent * 10 - tenths) > 1e-6) {
            throw new IllegalArgumentException("InvalidParameterException: CanaryPercent must be a multiple of 0.1"
                    + " from 0.1 to 100.0, got " + canaryPercent);
        }
        for (int minutes : new int[] {canaryBakeTimeInMinutes, bakeTimeInMinutes}) {
            if (minutes < 0 || minutes > 1440) {
                throw new IllegalArgumentException("InvalidParameterException: bake times must be 0 to 1440 minutes,"
                        + " got " + minutes);
            }
        }
    }

    /** Parses a strategy name as written in a template or API call ({@code CANARY}, {@code canary}). */
    public static Strategy strategy(String name) {
        if (name == null || name.isBlank()) {
            return Strategy.ROLLING;
        }
        try {
            return Strategy.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("InvalidParameterException: unknown deployment strategy " + name
                    + "; expected ROLLING, CANARY, BLUE_GREEN or LINEAR");
        }
    }

    /** True when alarms are watched and one in ALARM rolls the deployment back. */
    public boolean rollsBackOnAlarm() {
        return alarmsEnable && alarmsRollback && !alarmNames.isEmpty();
    }
}
