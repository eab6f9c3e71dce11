package dev.meshwalk.localcloud.engine;

/**
 * A stack resource's status as CloudFormation names it ({@code ResourceStatus} on the wire, via {@link #name()}):
 * in progress, complete and failed for each of create, update and delete.
 */
public enum ResourceStatus {
    CREATE_IN_PROGRESS, CREATE_FAILED, CREATE_COMPLETE,
    UPDATE_IN_PROGRESS, UPDATE_FAILED, UPDATE_COMPLETE,
    DELETE_IN_PROGRESS, DELETE_FAILED, DELETE_COMPLETE
}
