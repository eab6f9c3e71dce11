package dev.meshwalk.cloud;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a stack looks like right now: its status, the tutorial chapter it holds (from the
 * {@code meshwalk:chapter} tag) and its outputs.
 */
public record StackInfo(String name, String id, String status, Optional<String> statusReason,
        Map<String, String> tags, Map<String, String> outputs, Optional<Instant> lastChanged) {

    /** The tag that marks every resource the tutorial creates, so teardown touches only ours. */
    public static final String MANAGED_TAG = "meshwalk:managed";
    /**
     * The tag that names the project ({@code meshwalk-<project>}'s project): CloudFormation copies it to the
     * resources, so teardown's check can tell this project's leftovers from another project's in the same region.
     */
    public static final String PROJECT_TAG = "meshwalk:project";
    /** The tag that records which chapter's template the stack runs. */
    public static final String CHAPTER_TAG = "meshwalk:chapter";
    /** The output holding the public URL of the front service. */
    public static final String FRONT_ENDPOINT = "FrontEndpoint";

    public StackInfo {
        tags = Map.copyOf(tags);
        outputs = Map.copyOf(outputs);
    }

    public Optional<String> chapter() {
        return Optional.ofNullable(tags.get(CHAPTER_TAG));
    }

    public Optional<String> frontEndpoint() {
        return Optional.ofNullable(outputs.get(FRONT_ENDPOINT));
    }

    public boolean managedByTutorial() {
        return "true".equals(tags.get(MANAGED_TAG));
    }

    /** The stack's state, as far as deciding what a deploy may do next. */
    public Condition condition() {
        if (status.equals("REVIEW_IN_PROGRESS")) {
            return Condition.EMPTY;
        }
        if (status.equals("ROLLBACK_COMPLETE")) {
            return Condition.FAILED_CREATE;
        }
        if (status.equals("DELETE_COMPLETE")) {
            return Condition.GONE;
        }
        if (status.equals("ROLLBACK_FAILED") || status.equals("DELETE_FAILED") || status.equals("UPDATE_ROLLBACK_FAILED")) {
            return Condition.STUCK;
        }
        return StackStatuses.isTerminal(status) ? Condition.READY : Condition.BUSY;
    }

    /** What a deploy can do with a stack in this state. */
    public enum Condition {
        /** Exists only because a CREATE change set was made ({@code REVIEW_IN_PROGRESS}): create into it. */
        EMPTY,
        /** Settled: update it. */
        READY,
        /** A failed create ({@code ROLLBACK_COMPLETE}): can only be deleted, then created again. */
        FAILED_CREATE,
        /** Another operation is running: wait for it, or cancel it. */
        BUSY,
        /** A rollback or delete failed: needs a delete (possibly retried) before anything else. */
        STUCK,
        /** Deleted. */
        GONE
    }
}
