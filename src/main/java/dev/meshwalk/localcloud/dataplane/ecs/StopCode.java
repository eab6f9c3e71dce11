package dev.meshwalk.localcloud.dataplane.ecs;

/**
 * Why a task stopped, as ECS's {@code stopCode} says it (the {@code stoppedReason} beside it gives the details).
 * Scripts branch on the code rather than the reason's wording, so each local cause maps to the one ECS uses.
 */
public enum StopCode {
    /** A container could not start (an image the local cloud does not know, a program that failed to start). */
    TASK_FAILED_TO_START("TaskFailedToStart"),
    /** An essential container exited on its own. */
    ESSENTIAL_CONTAINER_EXITED("EssentialContainerExited"),
    /** Someone called {@code StopTask}. */
    USER_INITIATED("UserInitiated"),
    /** The service stopped it: scaling, a deployment, failed health checks, the service or local cloud going away. */
    SERVICE_SCHEDULER_INITIATED("ServiceSchedulerInitiated");

    private final String wire;

    StopCode(String wire) {
        this.wire = wire;
    }

    /** The value as the ECS API spells it. */
    public String wire() {
        return wire;
    }
}
