package dev.meshwalk.localcloud.provider;

/** A resource could not be realised; the message is shown to the learner as the status reason. */
public final class ProvisionException extends RuntimeException {

    public ProvisionException(String reason) {
        super(reason);
    }

    public ProvisionException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
