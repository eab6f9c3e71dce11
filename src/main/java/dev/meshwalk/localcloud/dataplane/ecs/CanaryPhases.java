package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.LocalTimings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The phases of an ECS canary deployment, as a function of time and readiness: {@code SCALE_UP} (the new revision
 * starts at full size and gets no traffic), {@code PRODUCTION_TRAFFIC_SHIFT} (it gets {@code CanaryPercent} of the
 * traffic for the canary bake time), {@code BAKE_TIME} (it gets all traffic; the old revision still runs for the
 * deployment bake time, so a rollback is instant), {@code CLEAN_UP} (the old tasks stop). Bake times run on the
 * compressed clock.
 */
final class CanaryPhases {

    private static final int SHARES = 1000;

    private CanaryPhases() {
    }

    /** Advances the deployment's stage when its condition or bake time is reached. */
    static void advance(Deployment d, long readyTasks, int desired, LocalTimings timings, Instant now) {
        switch (d.stage) {
            case "SCALE_UP" -> {
                if (readyTasks >= desired) {
                    d.targetTrafficPercent = d.config.canaryPercent();
                    d.stage("PRODUCTION_TRAFFIC_SHIFT", now.plus(minutes(timings, d.config.canaryBakeTimeInMinutes())));
                }
            }
            case "PRODUCTION_TRAFFIC_SHIFT" -> {
                if (!now.isBefore(d.phaseEndsAt)) {
                    d.targetTrafficPercent = 100;
                    d.stage("BAKE_TIME", now.plus(minutes(timings, d.config.bakeTimeInMinutes())));
                }
            }
            case "BAKE_TIME" -> {
                if (!now.isBefore(d.phaseEndsAt)) {
                    d.stage("CLEAN_UP", null);
                }
            }
            default -> { }
        }
    }

    /** True once the old revision's tasks may stop. */
    static boolean cleaningUp(Deployment d) {
        return "CLEAN_UP".equals(d.stage);
    }

    /**
     * The Service Connect split for the deployment now: task definition ARN -> weight (of {@value #SHARES}), the
     * target revision getting its current share and the old revisions the rest.
     */
    static Map<String, Integer> split(Deployment d) {
        Map<String, Integer> weights = new HashMap<>();
        int target = (int) Math.round(d.targetTrafficPercent * SHARES / 100.0);
        weights.put(d.definition.arn(), target);
        var olds = d.sources.stream().filter(s -> s != d.definition).map(TaskDefinition::arn).distinct().toList();
        for (String old : olds) {
            weights.put(old, (SHARES - target) / olds.size());
        }
        return weights;
    }

    private static Duration minutes(LocalTimings timings, int minutes) {
        return timings.compress(Duration.ofMinutes(minutes));
    }
}
