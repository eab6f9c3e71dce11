package dev.meshwalk.cloud;

/**
 * The CloudFormation status words, read once here. A status is finished only when it ENDS in
 * {@code _COMPLETE} or {@code _FAILED}: {@code UPDATE_COMPLETE_CLEANUP_IN_PROGRESS} contains "COMPLETE" and is
 * still running.
 */
public final class StackStatuses {

    private StackStatuses() {
    }

    /** Whether the stack or resource has stopped changing. */
    public static boolean isTerminal(String status) {
        return status != null && (status.endsWith("_COMPLETE") || status.endsWith("_FAILED")
                || status.equals("DELETE_SKIPPED"));
    }

    /** Whether a finished stack operation failed or was rolled back. */
    public static boolean isFailure(String status) {
        return status != null && (status.endsWith("_FAILED") || status.contains("ROLLBACK"));
    }

    /** How a resource or stack status reads for a learner, in four categories the front-ends draw alike. */
    public static Phase phase(String status) {
        if (status == null) {
            return Phase.PENDING;
        }
        if (status.endsWith("_FAILED")) {
            return Phase.FAILED;
        }
        if (status.contains("ROLLBACK")) {
            return status.endsWith("_COMPLETE") ? Phase.ROLLED_BACK : Phase.ROLLING_BACK;
        }
        if (status.equals("DELETE_COMPLETE") || status.equals("DELETE_SKIPPED")) {
            return Phase.DELETED;
        }
        if (status.endsWith("_COMPLETE")) {
            return Phase.DONE;
        }
        return Phase.IN_PROGRESS;
    }

    /** A status reduced to what matters on screen. */
    public enum Phase {
        PENDING, IN_PROGRESS, DONE, DELETED, FAILED, ROLLING_BACK, ROLLED_BACK
    }
}
