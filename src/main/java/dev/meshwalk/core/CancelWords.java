package dev.meshwalk.core;

import dev.meshwalk.facts.CancelOutcome;

/** The sentence the learner reads after asking to cancel a stack's update. */
final class CancelWords {

    private CancelWords() {
    }

    static String of(CancelOutcome outcome) {
        if (outcome instanceof CancelOutcome.NoStack n) {
            return "There is no stack " + n.stackName() + " to cancel.";
        }
        if (outcome instanceof CancelOutcome.Requested) {
            return "Cancel requested: CloudFormation rolls the stack back to the previous chapter.";
        }
        if (outcome instanceof CancelOutcome.Refused r) {
            return "CloudFormation did not accept the cancel: " + r.detail();
        }
        if (outcome instanceof CancelOutcome.CreateNotCancellable) {
            return "A stack being created cannot be cancelled; once it settles, remove it with teardown.";
        }
        return "Nothing to cancel: the stack is " + ((CancelOutcome.NothingToCancel) outcome).status() + ".";
    }
}
