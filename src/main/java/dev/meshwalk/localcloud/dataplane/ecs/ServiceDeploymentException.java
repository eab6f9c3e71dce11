package dev.meshwalk.localcloud.dataplane.ecs;

/**
 * A service deployment that cannot reach a steady state; the message is the reason to show as the resource's
 * failure (e.g. {@code CannotPullContainerError: ...}).
 */
public final class ServiceDeploymentException extends RuntimeException {

    public ServiceDeploymentException(String message) {
        super(message);
    }
}
