package dev.meshwalk.cloud;

import java.util.List;

/**
 * The target cannot be used as asked (no credentials, no region, an endpoint that does not answer), told in
 * words a learner can act on: what is wrong and the commands that fix it. Front-ends print
 * {@link #getMessage()} and the {@link #nextSteps()}; never a stack trace.
 */
public final class CloudSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> nextSteps;

    public CloudSetupException(String problem, List<String> nextSteps) {
        super(problem);
        this.nextSteps = List.copyOf(nextSteps);
    }

    public CloudSetupException(String problem, List<String> nextSteps, Throwable cause) {
        super(problem, cause);
        this.nextSteps = List.copyOf(nextSteps);
    }

    /** What to run or set, one suggestion each, e.g. {@code aws sso login --profile dev}. */
    public List<String> nextSteps() {
        return nextSteps;
    }

    /** The problem and its next steps as lines ready to print. */
    public String explain() {
        StringBuilder out = new StringBuilder(getMessage());
        if (!nextSteps.isEmpty()) {
            out.append(System.lineSeparator()).append("What to do:");
            for (String step : nextSteps) {
                out.append(System.lineSeparator()).append("  - ").append(step);
            }
        }
        return out.toString();
    }
}
