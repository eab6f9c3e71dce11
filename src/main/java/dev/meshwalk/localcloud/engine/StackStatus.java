package dev.meshwalk.localcloud.engine;

import java.util.Set;

/**
 * A stack's status as CloudFormation names it ({@code StackStatus} on the wire, via {@link #name()}). The engine
 * moves a stack through these with {@link StackEvents#stack}; only the ones the local engine reaches are here,
 * plus the import statuses a stack may arrive in and still be updated.
 */
public enum StackStatus {
    REVIEW_IN_PROGRESS,
    CREATE_IN_PROGRESS, CREATE_FAILED, CREATE_COMPLETE,
    ROLLBACK_IN_PROGRESS, ROLLBACK_FAILED, ROLLBACK_COMPLETE,
    UPDATE_IN_PROGRESS, UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, UPDATE_COMPLETE,
    UPDATE_ROLLBACK_IN_PROGRESS, UPDATE_ROLLBACK_FAILED, UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS,
    UPDATE_ROLLBACK_COMPLETE,
    DELETE_IN_PROGRESS, DELETE_FAILED, DELETE_COMPLETE,
    IMPORT_COMPLETE, IMPORT_ROLLBACK_COMPLETE;

    private static final Set<StackStatus> UPDATABLE = Set.of(CREATE_COMPLETE, UPDATE_COMPLETE,
            UPDATE_ROLLBACK_COMPLETE, IMPORT_COMPLETE, IMPORT_ROLLBACK_COMPLETE);

    /** A settled status from which UpdateStack and an UPDATE change set may start. */
    public boolean isUpdatable() {
        return UPDATABLE.contains(this);
    }

    /** Entering it stamps the stack's {@code LastUpdatedTime} (an update, or a create's rollback). */
    boolean marksUpdate() {
        return name().startsWith("UPDATE_") || this == ROLLBACK_IN_PROGRESS;
    }

    /**
     * Where a stack ends when its operation died of an unexpected error: the failed status of the operation it
     * was in (a delete, an update's rollback, or a create's rollback).
     */
    StackStatus afterInternalFailure() {
        if (name().startsWith("DELETE")) {
            return DELETE_FAILED;
        }
        return name().startsWith("UPDATE") ? UPDATE_ROLLBACK_FAILED : ROLLBACK_FAILED;
    }
}
