package dev.meshwalk.localcloud;

/**
 * The local cloud could not start listening. The message says what to do next; {@link #portInUse()} lets
 * callers (the {@code localcloud} command, the tutorial) tell the common case apart without parsing text.
 */
public final class LocalCloudStartException extends RuntimeException {

    private final boolean portInUse;

    LocalCloudStartException(String message, boolean portInUse, Throwable cause) {
        super(message, cause);
        this.portInUse = portInUse;
    }

    public boolean portInUse() {
        return portInUse;
    }
}
