package dev.meshwalk.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the chapter checks of chapters 0-3 look at beside the map and the traffic loop: the stack as deployed (which
 * chapter's template, its parameter values, its load balancers) and front's recent traced calls to color (the host
 * front called, and which color tasks answered). The effects read them from CloudFormation and X-Ray; the checks
 * ({@link PathChecks}) judge them, so "the path goes through the internal ALB" or "all three tasks answered" is
 * decided on facts, not on the map's node names alone.
 *
 * @param deployedChapter the chapter whose template the stack runs (its tag), or null when there is no stack
 * @param parameters      the stack's parameter values as deployed (empty when there is no stack)
 * @param outputs         the stack's outputs (chapter 0's {@code ColorEndpoint}: the internal load balancer)
 * @param loadBalancers   the names of the stack's load balancers (from their ARNs: {@code app/<name>/<id>})
 * @param tracedCalls     front's traced calls to color in the last minute
 * @param colorHosts      per host front called color at (its {@code COLOR_HOST}), how many of those calls
 * @param answeringTasks  per service that answered front (a segment's name), the ECS tasks that did
 */
public record CheckEvidence(String deployedChapter, Map<String, String> parameters, Map<String, String> outputs,
        List<String> loadBalancers,
        int tracedCalls, Map<String, Long> colorHosts, Map<String, Set<String>> answeringTasks) {

    public CheckEvidence {
        parameters = Map.copyOf(parameters);
        outputs = Map.copyOf(outputs);
        loadBalancers = List.copyOf(loadBalancers);
        colorHosts = Map.copyOf(colorHosts);
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        answeringTasks.forEach((name, tasks) -> copy.put(name, Set.copyOf(tasks)));
        answeringTasks = Map.copyOf(copy);
    }

    /** Nothing known (no stack, no traces). */
    public static CheckEvidence none() {
        return new CheckEvidence(null, Map.of(), Map.of(), List.of(), 0, Map.of(), Map.of());
    }

    /** The deployed value of a Number parameter, or {@code fallback} when the stack does not have it. */
    long number(String name, long fallback) {
        try {
            return Long.parseLong(parameters.getOrDefault(name, String.valueOf(fallback)).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The tasks of {@code service} that answered front's traced calls. */
    Set<String> tasks(String service) {
        return answeringTasks.getOrDefault(service, Set.of());
    }
}
