package dev.meshwalk.facts;

import java.util.List;

/**
 * What the IAM policy simulation said about the actions a chapter's deploy performs.
 *
 * @param outcome  whether it ran, and its verdict
 * @param caller   the principal simulated (or the caller's ARN as STS gave it)
 * @param checked  how many actions were simulated
 * @param denied   the actions the caller may not perform (only for {@link Outcome#CHECKED})
 * @param detail   why it could not run (the error), for the other outcomes
 */
public record PermissionCheck(Outcome outcome, String caller, int checked, List<String> denied, String detail) {

    /** How the check went. */
    public enum Outcome {
        /** Simulated: {@code denied} lists what is missing (empty: everything is allowed). */
        CHECKED,
        /** The caller may not call {@code iam:SimulatePrincipalPolicy}: nothing is known. */
        SIMULATION_DENIED,
        /** Could not run for another reason (no caller identity, a principal IAM cannot simulate, no IAM here). */
        NOT_CHECKED,
        /** Not needed: the account's root user may do everything. */
        ROOT
    }

    public PermissionCheck {
        denied = List.copyOf(denied);
        detail = detail == null ? "" : detail;
    }

    public static PermissionCheck checked(String caller, int checked, List<String> denied) {
        return new PermissionCheck(Outcome.CHECKED, caller, checked, denied, "");
    }

    public static PermissionCheck notChecked(Outcome why, String caller, String detail) {
        return new PermissionCheck(why, caller, 0, List.of(), detail);
    }
}
