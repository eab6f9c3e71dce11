package dev.meshwalk.cloud;

import dev.meshwalk.facts.EcsDeployment;

import java.time.Duration;
import java.util.Optional;

/**
 * What a running stack operation (deploy or delete) reports, in order, to whoever draws it: the scripted
 * commands print one line per event; the TUI turns them into Msgs. Elapsed times count from the start of the
 * operation.
 */
public sealed interface DeployEvent {

    /** Something the user should know that is not a status change, e.g. "waiting for the running update". */
    record Notice(String message) implements DeployEvent {
    }

    /** The stack itself changed status (e.g. {@code UPDATE_IN_PROGRESS} to {@code UPDATE_COMPLETE}). */
    record StackStatusChanged(String stackName, String status, Optional<String> reason, Duration elapsed)
            implements DeployEvent {
    }

    /**
     * One resource changed status. {@code done} of {@code total} resources have finished so far (total is the
     * number of changes planned, or of resources being deleted), for a progress bar.
     */
    record ResourceStatusChanged(String logicalId, String resourceType, String status, StackStatuses.Phase phase,
            Optional<String> reason, Duration elapsed, int done, int total) implements DeployEvent {
    }

    /**
     * An ECS service deployment the operation waits on moved (chapter 5's canary: a phase, the traffic share, the
     * bake time left, an alarm's state); {@code elapsed} from the start of the operation.
     */
    record ServiceDeploymentChanged(EcsDeployment deployment, Duration elapsed) implements DeployEvent {
    }

    /** The operation ended; always the last event. */
    record Finished(DeployOutcome outcome) implements DeployEvent {
    }
}
