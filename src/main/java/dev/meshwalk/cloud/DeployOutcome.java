package dev.meshwalk.cloud;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a stack operation ended: the final status, the time it took, per-phase resource counts, every failure
 * with its reason (repeated at the end of the output so it is not lost in scrollback), and the outputs.
 */
public record DeployOutcome(String stackName, boolean success, String finalStatus, Duration elapsed,
        Map<StackStatuses.Phase, Integer> resourceCounts, List<ResourceFailure> failures, Map<String, String> outputs) {

    public DeployOutcome {
        resourceCounts = Map.copyOf(resourceCounts);
        failures = List.copyOf(failures);
        outputs = Map.copyOf(outputs);
    }

    public Optional<String> frontEndpoint() {
        return Optional.ofNullable(outputs.get(StackInfo.FRONT_ENDPOINT));
    }

    /** A resource that failed, and CloudFormation's reason. */
    public record ResourceFailure(String logicalId, String resourceType, String status, String reason) {
    }
}
