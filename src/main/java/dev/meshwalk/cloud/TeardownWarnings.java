package dev.meshwalk.cloud;

/**
 * The wording for a part of the teardown check that could not run. A pure function so the messages are tested:
 * on a local cloud the missing API is expected (it serves no ECR, and nothing is pushed there), on
 * AWS it usually means a missing permission, and the learner should look in the console.
 */
final class TeardownWarnings {

    private TeardownWarnings() {
    }

    static String notChecked(String what, String why, CloudTarget target) {
        String firstLine = why == null ? "no answer" : why.lines().findFirst().orElse(why);
        if (target.kind() == CloudTarget.Kind.AWS) {
            return "Could not check " + what + ": " + firstLine + ". Look in the AWS console (region " + target.region()
                    + "), or give your identity the read permission and run teardown again.";
        }
        return "Could not check " + what + ": this target does not serve that API (" + firstLine + ")."
                + " The tutorial creates none of them on a local cloud, so none is left there.";
    }
}
