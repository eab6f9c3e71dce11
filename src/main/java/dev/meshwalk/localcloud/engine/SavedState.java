package dev.meshwalk.localcloud.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The control plane as it is written to {@code stacks.json}: plain records Jackson maps one to one, times as
 * ISO-8601 text, templates as their original body (parsed again on restore, so the parser stays the single
 * reader of templates). {@link #VERSION} changes whenever a field changes meaning; a file of another version is
 * set aside, never guessed at.
 */
record SavedState(int version, List<SavedStack> stacks) {

    static final int VERSION = 1;

    /**
     * One stack, deleted ones included (ListStacks shows them). {@code resourcesBeforePending}: while an update runs,
     * the resources as they were when it began (a restart brings back what it was replacing).
     */
    record SavedStack(String id, String name, String region, String accountId, String creationTime, String status,
                      String statusReason, String lastUpdated, String deletionTime, String changeSetId,
                      SavedConfig config, SavedConfig pending, List<Stack.Output> outputs, Set<String> imports,
                      List<SavedResource> resources, List<SavedEvent> events, List<SavedChangeSet> changeSets,
                      List<SavedResource> resourcesBeforePending) {

        /** Files written before the field existed have none: no update was caught mid-way, or nothing to bring back. */
        public SavedStack {
            resourcesBeforePending = resourcesBeforePending == null ? List.of() : resourcesBeforePending;
        }
    }

    /** A stack's settled configuration, or a change set's proposed one. */
    record SavedConfig(String templateBody, Map<String, String> givenParameters, Map<String, Object> resolvedParameters,
                       Set<String> noEcho, List<String> capabilities, Map<String, String> tags,
                       List<String> notificationArns, boolean disableRollback) {
    }

    /** A resource with what its provider made: the physical id and attributes a restore hands back to it. */
    record SavedResource(String logicalId, String type, String physicalId, Map<String, Object> attributes,
                         Map<String, Object> properties, String status, String statusReason, String lastUpdated) {
    }

    record SavedEvent(String eventId, String logicalResourceId, String physicalResourceId, String resourceType,
                      String timestamp, String resourceStatus, String resourceStatusReason, String resourceProperties) {
    }

    record SavedChangeSet(String id, String name, String type, String description, SavedConfig config,
                          String creationTime, List<ResourceChange> changes, String statusReason,
                          String executionStatus) {
    }
}
