package dev.meshwalk.cloud;

import java.util.List;

/** The result of preparing a deploy: a change set ready to execute, or nothing to do. */
public sealed interface DeployPlan {

    /**
     * A change set computed and waiting for confirmation.
     *
     * @param create whether it creates the stack (else updates it)
     */
    record Ready(String stackName, String changeSetId, boolean create, List<PlannedChange> changes) implements DeployPlan {
        public Ready {
            changes = List.copyOf(changes);
        }

        public long count(PlannedChange.Action action) {
            return changes.stream().filter(c -> c.action() == action).count();
        }
    }

    /** The stack already runs exactly this template with these parameters. */
    record NoChanges(String stackName, String chapterId) implements DeployPlan {
    }
}
