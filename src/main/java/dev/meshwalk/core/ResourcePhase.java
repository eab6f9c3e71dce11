package dev.meshwalk.core;

/**
 * Where a resource of a stack operation is, in the core's words: the effects translate CloudFormation's many
 * statuses into these, so the core can count and draw them without knowing CloudFormation.
 */
public enum ResourcePhase {
    PENDING, IN_PROGRESS, DONE, DELETED, FAILED, ROLLING_BACK, ROLLED_BACK;

    /** The phase in the one status vocabulary, so every pane draws it with the same symbol and colour. */
    public Status status() {
        switch (this) {
            case PENDING:
                return Status.NOT_STARTED;
            case IN_PROGRESS:
                return Status.IN_PROGRESS;
            case DONE:
            case DELETED:
                return Status.OK;
            case FAILED:
                return Status.FAILED;
            default:
                return Status.WARNING; // rolling back / rolled back
        }
    }
}
