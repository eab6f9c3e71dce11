package dev.meshwalk.facts;

/**
 * What became of a request to cancel the update running on the tutorial's stack (CloudFormation can cancel only
 * an update; a create can only be deleted once it settles). The core words each case.
 */
public sealed interface CancelOutcome {

    /** There is no such stack. */
    record NoStack(String stackName) implements CancelOutcome {
    }

    /** CloudFormation accepted the cancel and rolls the update back. */
    record Requested() implements CancelOutcome {
    }

    /** CloudFormation refused the cancel; {@code detail} is its error. */
    record Refused(String detail) implements CancelOutcome {
    }

    /** The stack is being created, which cannot be cancelled. */
    record CreateNotCancellable() implements CancelOutcome {
    }

    /** The stack runs no operation to cancel; it is in {@code status}. */
    record NothingToCancel(String status) implements CancelOutcome {
    }
}
