package dev.meshwalk.apps.common;

/**
 * An app cannot start because its environment is incomplete or malformed. The message names the
 * variable and says what to set, so a container log or a failed local task explains itself.
 */
public final class AppConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AppConfigurationException(String message) {
        super(message);
    }
}
