package dev.meshwalk.cloud;

/**
 * A deploy that cannot go on, with a message written for the learner (the template is invalid, the change set
 * failed, the stack is stuck). The cause, when there is one, is for logs only.
 */
public final class DeployException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
