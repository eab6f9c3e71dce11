package dev.meshwalk.core;

import java.util.Map;

/**
 * What the learner asked to deploy: a chapter, and stack parameter values that override the tutorial's (empty
 * today; a deploy with {@code --parameter} fills them). Every step of the deploy flow carries it, from the plan to
 * the execution, so the change set is computed and executed for exactly this order.
 */
public record DeployOrder(String chapterId, Map<String, String> overrides) {

    public DeployOrder {
        overrides = Map.copyOf(overrides);
    }

    public static DeployOrder of(String chapterId) {
        return new DeployOrder(chapterId, Map.of());
    }
}
